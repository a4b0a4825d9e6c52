"""Texts in and out: parsing Twilio's inbound form, writing outbound texts as rows (the outbox),
which channel and sender a text goes out on, what Twilio's statuses and errors mean for a row and
its client, and quiet hours. Sending itself is a job (`workers.sending`); a row is the promise.
"""
