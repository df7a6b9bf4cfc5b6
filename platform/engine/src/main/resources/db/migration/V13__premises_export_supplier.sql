-- Export MPAN and Export Supplier of a premises (SEC Section A "Export Supplier"; SEC Section E, Registration
-- Data): a premises that exports (e.g. solar generation) has a second MPAN core, registered to an Export Supplier,
-- who acts on the premises' ESME for it (rules/registered-supplier.drl). Portable SQL (HSQLDB and PostgreSQL).

ALTER TABLE premises ADD COLUMN export_mpan VARCHAR(13);
ALTER TABLE premises ADD COLUMN export_supplier VARCHAR(64);
ALTER TABLE premises ADD CONSTRAINT premises_export_mpan_unique UNIQUE (export_mpan);
ALTER TABLE premises ADD CONSTRAINT premises_export_supplier_needs_mpan
    CHECK (export_supplier IS NULL OR export_mpan IS NOT NULL);
