"""How far a running job has gone, kept in the cache (Redis in production): the job's own
transaction holds its database writes until it ends, so its row cannot show progress."""

import time

from django.conf import settings
from django.core.cache import cache


def _key(job_id):
    return f"job-progress:{job_id}"


class Progress:
    """Called by a job as it goes: progress(done, total). Written at most every `interval`
    seconds (and at the end), not once a row."""

    def __init__(self, job_id, interval=0.5):
        self.job_id = job_id
        self.interval = interval
        self.done = 0
        self.total = None
        self._written = 0.0

    def __call__(self, done, total=None):
        if total is not None:
            self.total = total
        self.done = done
        now = time.monotonic()
        if now - self._written >= self.interval or (self.total and done >= self.total):
            self._written = now
            cache.set(_key(self.job_id), [done, self.total], timeout=2 * settings.JOB_TIME_LIMIT)


def read(job):
    """(done, total) of a job: from the cache while it runs, from its row once it is over."""
    if job.state == job.State.RUNNING:
        cached = cache.get(_key(job.pk))
        if cached:
            return cached[0], cached[1]
    return job.done, job.total


def forget(job_id):
    cache.delete(_key(job_id))
