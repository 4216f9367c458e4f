//! An ordered parallel pipeline: one thread reads items, N workers transform them, and the
//! caller's thread consumes the results in input order. At most `2 * workers + 2` items are in
//! flight, so memory is bounded by threads x chunk size, never by file size.

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, sync_channel, Receiver, SyncSender};
use std::sync::{Mutex, PoisonError};

/// Runs `read` until it returns `None`, `work` on each item on `workers` threads, and `consume`
/// on each result in the order the items were read. The first error stops everything.
pub fn run_ordered<I, O, E>(
    workers: usize,
    mut read: impl FnMut() -> Result<Option<I>, E> + Send,
    work: impl Fn(I) -> O + Sync,
    mut consume: impl FnMut(O) -> Result<(), E>,
) -> Result<(), E>
where
    I: Send,
    O: Send,
    E: Send,
{
    if workers <= 1 {
        while let Some(item) = read()? {
            consume(work(item))?;
        }
        return Ok(());
    }
    let permits = 2 * workers + 2;
    let (token_tx, token_rx) = sync_channel::<()>(permits);
    for _ in 0..permits {
        token_tx.send(()).expect("receiver alive");
    }
    let (item_tx, item_rx) = sync_channel::<(u64, I)>(workers);
    let item_rx = Mutex::new(Some(item_rx));
    let (out_tx, out_rx) = channel::<(u64, O)>();
    std::thread::scope(|s| {
        let reader = s.spawn(move || -> Result<(), E> {
            let mut seq = 0u64;
            while token_rx.recv().is_ok() {
                match read()? {
                    Some(item) => {
                        if item_tx.send((seq, item)).is_err() {
                            break;
                        }
                        seq += 1;
                    }
                    None => break,
                }
            }
            Ok(())
        });
        for _ in 0..workers {
            let (item_rx, out_tx, work) = (&item_rx, out_tx.clone(), &work);
            s.spawn(move || loop {
                let next = item_rx.lock().unwrap_or_else(PoisonError::into_inner).as_ref().map(Receiver::recv);
                let Some(Ok((seq, item))) = next else { break };
                if out_tx.send((seq, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(out_tx);
        let mut stop = Stop { tokens: Some(token_tx), items: &item_rx };
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let mut result = Ok(());
        for (seq, out) in out_rx.iter() {
            pending.insert(seq, out);
            while let Some(out) = pending.remove(&next) {
                next += 1;
                if result.is_ok() {
                    result = consume(out);
                }
                if let Some(tokens) = &stop.tokens {
                    let _ = tokens.send(());
                }
            }
            if result.is_err() {
                break;
            }
        }
        stop.now();
        drop(out_rx);
        let read_result = reader.join().expect("reader thread panicked");
        result.and(read_result)
    })
}

/// Stops the reader when the consumer stops early, on an error or a panic: no more permits, and
/// the work queue closed, so a reader waiting for room in it does not wait forever (and the
/// scope, which joins it, returns).
struct Stop<'a, T> {
    tokens: Option<SyncSender<()>>,
    items: &'a Mutex<Option<Receiver<T>>>,
}

impl<T> Stop<'_, T> {
    fn now(&mut self) {
        // Permits first: a reader waiting for one then gives up, so a worker waiting for work
        // (holding the queue's lock) is released when the reader drops its end.
        self.tokens = None;
        self.items.lock().unwrap_or_else(PoisonError::into_inner).take();
    }
}

impl<T> Drop for Stop<'_, T> {
    fn drop(&mut self) {
        self.now();
    }
}

/// `plan` of every column `0..ncols`, in order, run on up to `threads` threads that take the
/// next column as they finish one. A file's columns are classified from its sample before its
/// rows flow (~25 ms of detection on a dense register's 1,000 sample rows): on one thread that
/// is serial time every worker waits for, a tenth of a 16-thread run of a 100 MB file. The
/// same holds for each table of a dump and each sheet of a workbook.
pub fn plan_columns<T: Send>(ncols: usize, threads: usize, plan: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = threads.clamp(1, ncols.max(1));
    if threads == 1 {
        return (0..ncols).map(plan).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut planned: Vec<Option<T>> = (0..ncols).map(|_| None).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= ncols {
                            return done;
                        }
                        done.push((i, plan(i)));
                    }
                })
            })
            .collect();
        for worker in workers {
            for (i, p) in worker.join().expect("a column planning thread panicked") {
                planned[i] = Some(p);
            }
        }
    });
    planned.into_iter().map(|p| p.expect("every column is planned")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_with_many_workers() {
        for workers in [1, 2, 7] {
            let mut n = 0;
            let mut got = Vec::new();
            run_ordered::<_, _, ()>(
                workers,
                || {
                    n += 1;
                    Ok((n <= 500).then_some(n))
                },
                |x| {
                    if x % 7 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    x * 2
                },
                |y| {
                    got.push(y);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(got, (1..=500).map(|x| x * 2).collect::<Vec<_>>());
        }
    }

    /// A consumer that fails, or panics, early while the reader still has plenty to give
    /// returns (or unwinds) instead of leaving the reader blocked on a full queue.
    #[test]
    fn consumer_stopping_early_stops_the_reader() {
        for workers in [2, 3] {
            let mut n = 0u64;
            let read = move || -> Result<Option<u64>, &str> {
                n += 1;
                Ok(Some(n))
            };
            let r = run_ordered(workers, read, |x| x, |x| if x == 3 { Err("disk full") } else { Ok(()) });
            assert_eq!(r, Err("disk full"));
            let mut m = 0u64;
            let read = move || -> Result<Option<u64>, &str> {
                m += 1;
                Ok(Some(m))
            };
            let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_ordered(workers, read, |x| x, |x| if x == 3 { panic!("cannot write") } else { Ok(()) })
            }));
            assert!(unwound.is_err());
        }
    }

    #[test]
    fn reader_error_stops() {
        let mut n = 0;
        let r = run_ordered(
            3,
            || {
                n += 1;
                if n == 50 {
                    Err("bad")
                } else {
                    Ok(Some(n))
                }
            },
            |x| x,
            |_| Ok(()),
        );
        assert_eq!(r, Err("bad"));
    }
}
