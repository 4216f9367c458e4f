--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET client_encoding = 'UTF8';

CREATE TABLE public.eg_user (
    id bigint NOT NULL,
    title character varying(8),
    salutation character varying(5),
    dob timestamp without time zone,
    locale character varying(16),
    username character varying(180) NOT NULL,
    password character varying(64) NOT NULL,
    pwdexpirydate timestamp without time zone,
    mobilenumber character varying(50),
    altcontactnumber character varying(50),
    emailid character varying(128),
    createddate timestamp without time zone,
    active boolean,
    name character varying(100),
    gender smallint,
    pan character varying(10),
    aadhaarnumber character varying(20),
    type character varying(50),
    guardian character varying(100),
    guardianrelation character varying(32),
    tenantid character varying(256) NOT NULL,
    uuid character varying(36)
);

COPY public.eg_user (id, title, salutation, dob, locale, username, password, pwdexpirydate, mobilenumber, altcontactnumber, emailid, createddate, active, name, gender, pan, aadhaarnumber, type, guardian, guardianrelation, tenantid, uuid) FROM stdin;
10000	\N	\N	1970-08-27 00:00:00	en_IN	EMP-LDH-2581	$2a$10$9ZkfSMvC7vQNcKjgDPOd.HadVxBzMGgke8u.SY/fonfjjNI81Z4p4	2099-01-01 00:00:00	9877893287	\N	\N	2022-01-03 07:28:05.000	t	Udyati Seth	1	JECJZ0687T	\N	EMPLOYEE	Qasim Vala	\N	pb.amritsar	cc099a1e-7706-4c2c-0f55-2c9402cdf2af
10001	\N	MR	\N	en_IN	7783266166	$2a$10$AxYmfsB4HbQLXjjlAFbVV6q9rXxtNDFyuzX9k1gnneGEYG1.LwiqD	2099-01-01 00:00:00	7783266166	\N	randhawasneha@example.net	2021-01-14 13:35:44.000	t	Girindra Sekhon	2	\N	\N	CITIZEN	Lucky Chana	FATHER	pb.ludhiana	9d42f670-9da9-b14d-da36-e0d6a74c4611
10002	\N	MRS	1949-10-22 00:00:00	en_IN	7014673002	$2a$10$cj9iNOrjj5VfqRTk8j1d/bWWbjkloG1QX647kdNl9cDo/.GbVMszv	2099-01-01 00:00:00	7014673002	\N	ayushmanshetty@example.com	2020-06-16 02:13:49.000	t	Alexander Wadhwa	2	\N	475892900755	CITIZEN	Daniel Banik	HUSBAND	pb.ludhiana	e448373c-7f91-4fe8-7122-7cb2ee283c1e
10003	\N	MR	1936-04-04 00:00:00	en_IN	8363363953	$2a$10$vo58JB0W/O5PjeJfJTNcrZ6ydIEsgo5nVjzz8Gwb8ewCISuYCl0Xq	2099-01-01 00:00:00	8363363953	\N	shankararunima@example.com	2020-11-30 19:58:01.000	t	Rohan Venkataraman	2	\N	\N	CITIZEN	Chaitaly Tata	\N	pb.jalandhar	e8f37d7e-e327-c967-a023-ecd532668377
10004	\N	MRS	\N	en_IN	8753113361	$2a$10$i2ewQr8t4/lC4LvGNWAMsI/z0oaWdfZp.lvi60ZIF8/qR38Ony1dH	2099-01-01 00:00:00	8753113361	\N	rattanhritik@example.com	2019-07-21 02:40:21.000	t	Aachal Murty	1	\N	258107586474	CITIZEN	Yochana Mani	FATHER	pb.ludhiana	091eb5ff-05d5-4cb2-fa2f-0afdc77f7935
10005	\N	\N	2003-08-07 00:00:00	en_IN	6455397179	$2a$10$ABBrDSxOOyBymrEqlHXm31qzZcmzTUoRyj9nde9syxoAwuKmhr7jm	2099-01-01 00:00:00	6455397179	\N	singhalkeya@example.net	2020-05-22 17:00:13.000	t	Ekalinga Badal	1	GWQBA6157U	\N	CITIZEN	Tanay Kadakia	\N	pb.jalandhar	5ac51cc8-83e9-db77-6d2b-653f778aae87
10006	\N	MR	\N	en_IN	8003267556	$2a$10$HJouZrQV3xZAxjRM8mbTgDIMRBZxjX/BpYconEG4ZgzWbmHGJR1m4	2099-01-01 00:00:00	8003267556	\N	\N	2021-09-28 10:28:12.000	t	Oni Bora	2	ZAKCZ6628S	\N	CITIZEN	Anamika Nayar	FATHER	pb.amritsar	c25e175d-ab1e-2d91-98f8-285a8ca68024
10007	\N	MR	1987-07-15 00:00:00	en_IN	9727899067	$2a$10$XgOYgOjC29GFfm7sFog16pAgTtpU4r16H1UrLqE9oNTJIyJEyFzfh	2099-01-01 00:00:00	9727899067	\N	bhasinudyati@example.com	2019-01-15 17:16:58.000	t	Alexander Rout	1	\N	674844003905	CITIZEN	Krish Koshy	FATHER	pb.jalandhar	9f93cf9c-06e3-2b27-6cd9-727e426fd48d
10008	\N	MR	1982-12-01 00:00:00	en_IN	8112835775	$2a$10$PLx2Vm7Pkk3.7MbjNBkM/PKsCTPUpP4J4N6OCZFkUUdUYXyVXtwwl	2099-01-01 00:00:00	8112835775	6793764625	ranaosha@example.org	2020-12-06 20:06:42.000	t	Raghav Sem	1	\N	\N	CITIZEN	Karan Saini	\N	pb.jalandhar	8401115f-38a3-31e5-05b0-df09cfd589bd
10009	\N	\N	1964-09-14 00:00:00	en_IN	8061984815	$2a$10$r/.jf0SaWl7dUbo11sFuWvPAX2LJh8NoMtwh6c9eOnzxTBE8C4xJZ	2099-01-01 00:00:00	8061984815	\N	\N	2019-09-25 23:45:51.000	t	Anamika Modi	2	\N	416337857659	CITIZEN	Shivansh Grover	HUSBAND	pb.jalandhar	d12f5382-f126-abd5-8c59-19cca07313a1
10010	\N	MRS	\N	en_IN	9581736032	$2a$10$uPsHqIgtwaAtqkTIm97kMcy1yl4Ae0/uNONZjN7iUjrnY7p4bW8EL	2099-01-01 00:00:00	9581736032	6307573692	chaman61@example.org	2021-05-26 07:45:55.000	t	Brijesh Dhingra	1	\N	\N	CITIZEN	Riya Kuruvilla	HUSBAND	pb.amritsar	db271f24-02ae-3ce5-c596-0b2e75453e66
10011	\N	MS	1981-05-04 00:00:00	en_IN	9845681433	$2a$10$X9Q0bZOFcHQyRN4nWAQLnuGMDTszzdzkrF91QQlUI7p5rEiHvQspa	2099-01-01 00:00:00	9845681433	7166156823	vedadeshmukh@example.com	2020-03-24 07:00:31.000	t	Sathvik Kibe	1	ISPTO6266C	322236079111	CITIZEN	Jyoti Prabhu	FATHER	pb.ludhiana	c2219f28-3da9-1979-5d17-1bd3e5a253fa
\.

CREATE TABLE public.eg_user_address (
    id bigint NOT NULL,
    type character varying(50) NOT NULL,
    address character varying(300),
    city character varying(300),
    pincode character varying(6),
    userid bigint NOT NULL,
    tenantid character varying(256) NOT NULL
);

COPY public.eg_user_address (id, type, address, city, pincode, userid, tenantid) FROM stdin;
1	PERMANENT	24/393, Dutt Ganj	Moradabad	679160	10000	pb.amritsar
2	CORRESPONDENCE	43/64, Swaminathan Marg	Parbhani	821237	10001	pb.amritsar
3	PERMANENT	014, Sehgal Marg	Tiruchirappalli	002458	10002	pb.amritsar
4	CORRESPONDENCE	758\nDey	Ongole	075400	10003	pb.amritsar
5	PERMANENT	45/211, Pillai Chowk	Ludhiana	255171	10004	pb.amritsar
6	PERMANENT	09/66\nArora	Amaravati	111465	10005	pb.amritsar
7	CORRESPONDENCE	78\nVenkataraman Zila	Mehsana	491703	10006	pb.amritsar
8	CORRESPONDENCE	H.No. 05\nDhar Road	Machilipatnam	825773	10007	pb.amritsar
9	PERMANENT	633\nKanda Marg	Bally	322750	10008	pb.amritsar
10	PERMANENT	H.No. 774, Sachdev Ganj	Patna	875975	10009	pb.amritsar
11	PERMANENT	04/95\nBahl Road	Nashik	673043	10010	pb.amritsar
12	CORRESPONDENCE	18, Brahmbhatt Path	Mangalore	374207	10011	pb.amritsar
\.

