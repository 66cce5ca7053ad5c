"""The kinds of background job. Each app's tasks.py registers its own:

    @register("policy.import", describe=lambda p: _("Import of %(file)s") % p,
              result_template="jobs/result/import.html")
    def run_import(job, progress): ...   # returns a JSON-able dict: job.result

`run(job, progress)` does the work in the job user's language. It calls `progress(done, total)`
as it goes, raises jobs.services.JobRefused with the problems when the input is refused, and
writes nothing unless it succeeds (one transaction). `follow_up`, when given, is the next step
offered on the finished job's page (an import after its check), with its button's label.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    run: Callable
    describe: Callable[[dict], str]
    result_template: str = ""
    follow_up: Callable | None = None  # (job, user) -> the new Job
    follow_up_label: Callable[[dict], str] | None = None
    # Whether the job's file holds sensitive figures: its downloads go in the access log.
    sensitive: bool = True


KINDS: dict[str, Kind] = {}


def register(name, *, describe, result_template="", follow_up=None, follow_up_label=None):
    def decorate(run):
        KINDS[name] = Kind(
            name=name,
            run=run,
            describe=describe,
            result_template=result_template,
            follow_up=follow_up,
            follow_up_label=follow_up_label,
        )
        return run

    return decorate
