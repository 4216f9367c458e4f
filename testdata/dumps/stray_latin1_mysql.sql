-- MySQL dump 10.13  Distrib 5.7.42, for Linux (x86_64)
/*!40101 SET NAMES utf8 */;
DROP TABLE IF EXISTS `water_connection`;
CREATE TABLE `water_connection` (
  `id` int(11) NOT NULL,
  `applicant_name` varchar(120) DEFAULT NULL,
  `mobile_no` varchar(15) DEFAULT NULL,
  `remarks` text,
  `photo` mediumblob,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
LOCK TABLES `water_connection` WRITE;
INSERT INTO `water_connection` VALUES (1,'सुनीता देवी','9876543210','नया कनेक्शन','\0\0�� 9876543211 �'),(2,'Jos� D\'Souza','9812345670','owner�s son, mob 9123456780',NULL);
UNLOCK TABLES;
