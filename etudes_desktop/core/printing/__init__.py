"""Printed documents made on the laptop (ReportLab, no Qt, no SQL): a focus group's session sheet."""
