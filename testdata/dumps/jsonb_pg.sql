--
-- PostgreSQL database dump
--
-- A DIGIT-style property table: owner details kept as jsonb (additionaldetails), as
-- DIGIT's services and many migrated systems store them.
SET client_encoding = 'UTF8';
CREATE TABLE public.eg_pt_property (
    id character varying(64) NOT NULL,
    propertyid character varying(64),
    tenantid character varying(64),
    status character varying(64),
    additionaldetails jsonb
);
COPY public.eg_pt_property (id, propertyid, tenantid, status, additionaldetails) FROM stdin;
a1	PT-107-000123	pb.amritsar	ACTIVE	{"ownerName": "Xyqor Venkatappa", "fatherOrHusbandName": "Lmnop Kharbuli", "mobileNumber": "9876543210", "aadhaarNumber": "345678901234", "gender": "MALE", "correspondenceAddress": {"doorNo": "12-4", "street": "MG Road", "locality": "Civil Lines"}, "usage": "RESIDENTIAL", "constructionYear": 1998}
a2	PT-107-000124	pb.amritsar	INACTIVE	{"ownerName": "Sita Devi", "mobileNumber": 8765432109, "usage": "COMMERCIAL", "floors": [{"floorNo": 0, "area": 120.5}], "documents": [{"name": "Sale Deed", "fileStoreId": "f-123"}]}
\.
INSERT INTO public.eg_pt_property VALUES ('a3', 'PT-107-000125', 'pb.amritsar', 'ACTIVE', '{"ownerName": "Lakshmamma", "guardian": "Venkatappa", "email": "lakshmamma@example.com", "usage": "MIXED"}');
