-- Invented people; dates of birth in timestamp and date columns (parda masks them to 1900-01-01).
CREATE TABLE public.eg_user (
    id bigint NOT NULL,
    name character varying(250),
    dob timestamp without time zone,
    born_on date
);
COPY public.eg_user (id, name, dob, born_on) FROM stdin;
1	Ramesh Kumar	1985-03-12 00:00:00	1985-03-12
2	Sunita Devi	1990-01-02 10:20:30.5	\N
\.
