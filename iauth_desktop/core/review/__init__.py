"""The review services both front ends call: fetch a case, decide, report, export."""
