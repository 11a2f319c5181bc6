"""Benchmark: @ham-results on a site with 100 000 final reports (not a test).

Creates a throw-away instance (ZODB FileStorage in a temporary folder) with a Plone site and
the add-on, one programme with a few indicators, partners (the 514 kabupaten/kota governments
of the Kemendagri list, then other organisations) and COUNT IndicatorReport objects, all final
with a score, spread over as many yearly periods as needed: each period holds one report per
partner, so the measured period (the newest) holds PARTNERS reports, the size of a national
P2HAM or KKP HAM round. Then it times the results of that period through the results function
(cold and warm) and, unless --no-http, through an HTTP GET of @ham-results on an instance served
from the same database on 127.0.0.1.

Every figure is printed on one line of its own, e.g.:

    partners_created=2000 seconds=...
    reports_created=100000 seconds=... periods=50 period_reports=2000
    ham_results_period_cold seconds=... reports=2000
    ham_results_period seconds=... reports=2000 runs=5
    ham_results_http seconds=... status=200 reports=2000 runs=5

Run it from the repository with the project's virtualenv:

    .venv/bin/python bench/results_100k.py                 # 100 000 reports (~35 min, 2 cores)
    .venv/bin/python bench/results_100k.py --count 5000    # a quick try
    .venv/bin/python bench/results_100k.py --keep          # keep the instance folder

Options: --count, --partners, --batch (objects per commit), --runs, --port (for the HTTP
measurement; default: a free port), --no-http, --keep. The folder is removed at the end unless
--keep is given.
"""

from datetime import date
from pathlib import Path
from uuid import uuid4

import argparse
import logging
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


SITE_ID = "Plone"
WORKFLOW = "ham_report_workflow"
INDICATORS = (
    ("BENCH-01", "hak atas kesehatan", "percentage"),
    ("BENCH-02", "hak atas pendidikan", "number"),
    ("BENCH-03", "hak atas informasi", "yes_no"),
    ("BENCH-04", "hak atas kependudukan", "ada_proses_tidak"),
    ("BENCH-05", "hak perempuan dan anak", "percentage"),
)
BANDS = ["75: Peduli HAM", "65: Cukup Peduli HAM", "50: Mulai Peduli HAM", "0: Kurang Peduli HAM"]


def line(name, **figures):
    print(" ".join([name] + [f"{key}={value}" for key, value in figures.items()]), flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def create(container, portal_type, object_id, workflow_state=None, **fields):
    """Add an object the fast way; the caller catalogs it.

    Bypassed on purpose, to create 100 000 objects in minutes instead of hours: the add events
    (and with them intid registration, partner groups and local roles, the rows subscriber),
    the workflow transitions with their guards and history, and Plone's id and title checks.
    What the results read is set as the workflow would leave it: review state and its
    permissions, total score, predicate, finalisation date, rows with accepted status and score.
    """
    from plone.dexterity.utils import createContent
    from plone.uuid.interfaces import IMutableUUID

    obj = createContent(portal_type, id=object_id, **fields)
    IMutableUUID(obj).set(uuid4().hex)
    container._setObject(object_id, obj, suppress_events=True)
    obj = container._getOb(object_id)
    if workflow_state:
        set_state(obj, workflow_state)
    return obj


def set_state(obj, state):
    from DateTime import DateTime
    from plone import api

    workflow_tool = api.portal.get_tool("portal_workflow")
    (workflow,) = workflow_tool.getWorkflowsFor(obj)
    workflow_tool.setStatusOf(
        workflow.getId(),
        obj,
        {
            "action": None,
            "actor": "bench",
            "comments": "",
            "review_state": state,
            "time": DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(obj)


def build_programme(site):
    from plone import api

    programme = api.content.create(
        container=site["program"],
        type="Programme",
        id="bench",
        title="Benchmark programme",
        code="KKPHAM",
        scoring_method="average",
        bands=BANDS,
        qualifying_predicate="Peduli HAM",
        province_threshold=60.0,
    )
    for code, right, measurement in INDICATORS:
        api.content.create(
            container=programme,
            type="Indicator",
            id=code.lower(),
            title=f"Benchmark indicator {code}",
            code=code,
            right_group=right,
            kind="hasil",
            measurement=measurement,
            weight=1.0,
        )
    api.content.transition(obj=programme, transition="publish")
    return programme


def partner_specs(count):
    """(kind, province, regency) of COUNT partners: the 514 kab/kota first, then others."""
    from kemenkumham.ham.vocabularies import _regions

    provinces, regencies = _regions()
    specs = [("pemda_kabkota", p.code, r.code) for p in provinces for r in regencies[p.code]]
    kinds = ("upt_pemasyarakatan", "imigrasi", "opd", "perusahaan")
    position = 0
    while len(specs) < count:
        province = provinces[position % len(provinces)].code
        specs.append((kinds[position % len(kinds)], province, None))
        position += 1
    return specs[:count]


def build_partners(site, count, batch):
    import transaction

    catalog = site.portal_catalog
    uids = []
    for number, (kind, province, regency) in enumerate(partner_specs(count)):
        partner = create(
            site["mitra"],
            "Partner",
            f"mitra-{number:05d}",
            workflow_state="published",
            title=f"Mitra {number:05d} ({regency or province})",
            kind=kind,
            province=province,
            regency=regency,
        )
        catalog.catalog_object(partner, "/".join(partner.getPhysicalPath()))
        uids.append(partner.UID())
        if (number + 1) % batch == 0:
            transaction.commit()
    transaction.commit()
    return uids


def report_rows(score):
    from kemenkumham.ham.reporting.rows import empty_row

    rows = {}
    for code, _right, measurement in INDICATORS:
        row = empty_row()
        row["value"] = {"number": 10.0, "percentage": 80.0, "yes_no": True}.get(measurement, "ada")
        row["status"] = "accepted"
        row["score"] = score
        rows[code] = row
    return rows


def build_reports(site, programme, partner_uids, count, batch):
    """COUNT final reports, one per partner and period, newest period last; returns it."""
    from kemenkumham.ham.content.scoring import parse_bands
    from kemenkumham.ham.content.scoring import predicate_for
    from kemenkumham.ham.reporting.rules import freeze_rules
    from persistent.mapping import PersistentMapping
    from plone import api

    import transaction

    bands = parse_bands(BANDS)
    catalog = site.portal_catalog
    periods = -(-count // len(partner_uids))
    created = 0
    period = None
    for index in range(periods):
        year = 2100 - periods + index  # data years up to 2099, award years up to 2100
        period = api.content.create(
            container=programme,
            type="ReportingPeriod",
            id=str(year),
            title=str(year),
            data_year=year,
            assessment_year=year + 1,
            opens=date(year + 1, 1, 2),
            submission_deadline=date(year + 1, 3, 31),
            verification_deadline=date(year + 1, 5, 15),
        )
        # The period is published after its reports are cataloged: while it is published,
        # cataloging a report asks the period's local-role provider (reporting/access.py) for
        # the partner groups it expects, which wakes every partner once per report. Their
        # role (PartnerReporter) does not view final reports, so the indexed values are the
        # same either way.
        freeze_rules(period)
        for number, uid in enumerate(partner_uids):
            if created == count:
                break
            # Scores 40.0 to 99.9, many of them equal: ties share a rank.
            score = round(40 + (number * 7919 % 600) / 10, 1)
            report = create(
                period,
                "IndicatorReport",
                f"laporan-{number:05d}",
                workflow_state="final",
                title=f"Laporan {number:05d} {year}",
                partner_uid=uid,
            )
            report.rows = PersistentMapping(report_rows(score))
            report.total_score = score
            report.predicate = predicate_for(score, bands)
            report.finalised = date(year + 1, 5, 20)
            catalog.catalog_object(report, "/".join(report.getPhysicalPath()))
            created += 1
            if created % batch == 0:
                transaction.commit()
                site._p_jar.cacheGC()
        set_state(period, "published")
        period.reindexObject(idxs=["review_state", "allowedRolesAndUsers"])
        transaction.commit()
    return periods, period


def time_function(period, runs):
    from kemenkumham.ham.reporting.results import results_for_period

    period._p_jar.cacheMinimize()
    started = time.perf_counter()
    results = results_for_period(period)
    line(
        "ham_results_period_cold",
        seconds=f"{time.perf_counter() - started:.3f}",
        reports=results.provenance.count,
    )
    durations = []
    for _run in range(runs):
        started = time.perf_counter()
        results = results_for_period(period)
        durations.append(time.perf_counter() - started)
    line(
        "ham_results_period",
        seconds=f"{statistics.median(durations):.3f}",
        reports=results.provenance.count,
        runs=runs,
    )
    from kemenkumham.ham.reporting.results import results_for_year

    started = time.perf_counter()
    results = results_for_year(period.aq_parent, period.assessment_year)
    line(
        "ham_results_year",
        seconds=f"{time.perf_counter() - started:.3f}",
        reports=results.provenance.count,
        periods=len(results.provenance.periods),
    )


def time_http(instance, period_id, port, runs):
    """Serve the database on 127.0.0.1 and GET @ham-results; stop the server after."""
    import json

    ini = instance.zope_ini(port)
    instance.write_config(port=port, host="127.0.0.1")
    runwsgi = Path(sys.executable).parent / "runwsgi"
    server = subprocess.Popen(  # noqa: S603
        [str(runwsgi), str(ini)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/{SITE_ID}/@ham-results?programme=KKPHAM&period={period_id}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    line("ham_results_http", error="server_did_not_start")
                    return
                time.sleep(1)
        durations, status, reports = [], None, None
        for _run in range(runs + 1):  # the first call warms the server's caches
            request = urllib.request.Request(url, headers={"Accept": "application/json"})
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
                body = response.read()
                status = response.status
            durations.append(time.perf_counter() - started)
            reports = json.loads(body)["provenance"]["count"]
        line("ham_results_http_cold", seconds=f"{durations[0]:.3f}", status=status)
        line(
            "ham_results_http",
            seconds=f"{statistics.median(durations[1:]):.3f}",
            status=status,
            reports=reports,
            runs=runs,
            bytes=len(body),
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="reports to create")
    parser.add_argument("--partners", type=int, default=2000, help="partners (reports/period)")
    parser.add_argument("--batch", type=int, default=5000, help="objects per commit")
    parser.add_argument("--runs", type=int, default=5, help="timed calls per measurement")
    parser.add_argument("--port", type=int, default=0, help="port for the HTTP measurement")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP measurement")
    parser.add_argument("--keep", action="store_true", help="keep the instance folder")
    args = parser.parse_args(argv)
    # Site creation warns about things of no matter here; the figures are what this prints.
    logging.disable(logging.WARNING)

    from kemenkumham.ham.cli.instance import Instance
    from kemenkumham.ham.cli.site import create_site
    from kemenkumham.ham.cli.zopeapp import ADMIN_USER
    from kemenkumham.ham.cli.zopeapp import login_as_admin
    from kemenkumham.ham.cli.zopeapp import zope_app
    from zope.component.hooks import setSite

    import transaction

    home = Path(tempfile.mkdtemp(prefix="ham-bench-"))
    instance = Instance(home=home)
    line("instance", home=home)
    try:
        with zope_app(instance) as app:
            app.acl_users._doAddUser(ADMIN_USER, uuid4().hex, ["Manager"], [])
            transaction.commit()
            started = time.perf_counter()
            site = create_site(app, site_id=SITE_ID, say=lambda message: None)
            line("site_created", seconds=f"{time.perf_counter() - started:.1f}")
            login_as_admin(app)
            setSite(site)
            programme = build_programme(site)
            started = time.perf_counter()
            partner_uids = build_partners(site, args.partners, args.batch)
            line(
                "partners_created",
                count=len(partner_uids),
                seconds=f"{time.perf_counter() - started:.1f}",
            )
            started = time.perf_counter()
            periods, period = build_reports(site, programme, partner_uids, args.count, args.batch)
            total = len(
                site.portal_catalog.unrestrictedSearchResults(portal_type="IndicatorReport")
            )
            period_reports = len(period.objectIds())
            line(
                f"reports_created={total}",
                seconds=f"{time.perf_counter() - started:.1f}",
                periods=periods,
                period_reports=period_reports,
            )
            time_function(period, args.runs)
            period_id = period.getId()
        if not args.no_http:
            time_http(instance, period_id, args.port or free_port(), args.runs)
        size = os.path.getsize(instance.filestorage)
        line("database", megabytes=f"{size / 2**20:.0f}")
    finally:
        if args.keep:
            line("kept", home=home)
        else:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
