"""Compiled execution: queries whose selection maps onto tables (customer, appointment,
communication, their connections) answered by one SQL statement that builds the response JSON,
with the resolvers answering whatever it does not cover (execute.py explains the flow)."""
