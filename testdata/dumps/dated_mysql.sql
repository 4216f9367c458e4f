-- Invented people; dates of birth in DATETIME and DATE columns (parda masks them to 1900-01-01)
-- and a mobile quoted in a BIGINT column (masked to digits).
CREATE TABLE `eg_user` (
  `id` bigint NOT NULL,
  `name` varchar(250),
  `dob` datetime DEFAULT NULL,
  `born_on` date,
  `createddate` bigint,
  `mobile` bigint
);
INSERT INTO `eg_user` VALUES (1,'Ramesh Kumar','1985-03-12 00:00:00','1985-03-12',1672531200000,'9876543210'),(2,'Sunita Devi','1990-01-02 10:20:30','1990-01-02',1672531200000,7012345678),(3,'Mohd Arif',NULL,'1900-01-01',1672617600000,NULL);
