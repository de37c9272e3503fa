"""The insurer's deliverable: tables counted from the stored interviews, protected by primary and
secondary cell suppression, checked by an attacker, written as JSON, CSV, XLSX and PDF."""
