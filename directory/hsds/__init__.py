"""Reading an Open Referral HSDS export (3.x or 1.1 CSV datapackage) into our HSDS 3.1 tables:
finding its files, reading each forgivingly, turning rows into ours, and reporting what it did."""
