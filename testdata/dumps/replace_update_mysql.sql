-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
-- Written with --replace and --insert-ignore, then patched by hand: an upsert, UPDATE statements
-- and double-quoted strings, as a municipal IT cell's fix-up scripts write them.
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `citizen`;
CREATE TABLE `citizen` (
  `id` int NOT NULL,
  `full_name` varchar(100) DEFAULT NULL,
  `mobile_no` varchar(15) DEFAULT NULL,
  `ward` varchar(20) DEFAULT NULL,
  `remarks` text,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `citizen` WRITE;
REPLACE INTO `citizen` (`id`,`full_name`,`mobile_no`,`ward`,`remarks`) VALUES (1,'Sita O\'Brien','8765432109','Ward 4','It\'s done by Mahesh Patil'),(2,'Abdul Karim','7654321098','Ward 7',NULL);
INSERT IGNORE INTO `citizen` VALUES (3,'Ramesh Kumar','9876543210','Ward 4','Called from 9123456780, wife Sunita');
INSERT INTO `citizen` VALUE (4,"Priya Nair","9988776655","Ward 9","Meter shifted");
INSERT INTO `citizen` (`id`,`full_name`,`mobile_no`,`ward`,`remarks`) VALUES (2,'Abdul Karim','7654321098','Ward 7',NULL) ON DUPLICATE KEY UPDATE `full_name`='Farida Begum', `mobile_no`='9345678120';
UNLOCK TABLES;
UPDATE `citizen` SET `mobile_no`='9812345670', `remarks`="New number of Kavita Sharma" WHERE `id`=2;
INSERT INTO `citizen` SET `id`=5, `full_name`='Gurpreet Kaur', `mobile_no`='9012345678', `ward`='Ward 2';
DELETE FROM `citizen` WHERE `full_name`='Mohan Lal Verma';
