-- MySQL dump 10.13  Distrib 8.0.32, for Linux (x86_64)
-- Data only (mysqldump --no-create-info): the table exists in the target database
-- Invented data for tests.

LOCK TABLES `consumers` WRITE;
/*!40000 ALTER TABLE `consumers` DISABLE KEYS */;
INSERT INTO `consumers` VALUES (1,'WC-0001','Somra Murmu','9876543210','1961-05-04','2019-04-01 10:15:00',450.00),(2,'WC-0002','Phulmani Hembram','9123456780','1972-01-19','2021-11-30 16:40:12',0.00),(3,'WC-0003','Lalthanzuala','8414012345','1948-08-15','2016-02-29 09:00:00',1200.50),(4,'WC-0004','Imtiaz Ansari','9431056789','1980-07-07','2023-07-07 12:00:00',300.00),(5,'WC-0005','Lakshmamma Gowda','7012345678','1955-12-01','2012-12-12 08:30:45',0.00),(6,'WC-0006','Birsa Tudu','8210345678','1990-03-30','2020-01-15 11:11:11',75.25);
/*!40000 ALTER TABLE `consumers` ENABLE KEYS */;
UNLOCK TABLES;
