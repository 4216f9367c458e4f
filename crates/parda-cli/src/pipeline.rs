//! An ordered parallel pipeline: one thread reads items, N workers transform them, and the
//! caller's thread consumes the results in input order. At most `2 * workers + 2` items are in
//! flight, so memory is bounded by threads x chunk size, never by file size.

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, sync_channel};
use std::sync::Mutex;

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
    let item_rx = Mutex::new(item_rx);
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
                let next = item_rx.lock().expect("lock").recv();
                let Ok((seq, item)) = next else { break };
                if out_tx.send((seq, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(out_tx);
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
                let _ = token_tx.send(());
            }
            if result.is_err() {
                break;
            }
        }
        drop(token_tx);
        drop(out_rx);
        let read_result = reader.join().expect("reader thread panicked");
        result.and(read_result)
    })
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
