"""Contract checks (issue 4): the OpenAPI document is valid, and the live server keeps to it.

* `openapi-spec-validator` on `Docs/openapi.json`, and on the document the server serves.
* The schemathesis CLI, run as a subprocess against the live `parley serve` with the
  served `/openapi.json`: every operation, positive and negative data (`--mode all`),
  every phase it has (examples, coverage, fuzzing, stateful), and all of its checks
  (schemathesis 4 runs them all by default: not_a_server_error, status_code_conformance,
  content_type_conformance, response_headers_conformance, response_schema_conformance,
  negative_data_rejection, positive_data_acceptance, unsupported_method, ...). Nothing
  is excluded: a failure is fixed in the server or in the document, never silenced here.

The run is bounded by `--max-examples` per operation and uses a fixed `--seed`, so the
same cases are generated on every machine (with the pinned hypothesis); set
SCHEMATHESIS_SEED to explore other seeds and SCHEMATHESIS_MAX_EXAMPLES for a longer run.
A run's full output and JUnit report are kept in pytest's temporary directory (the path is
printed on failure); the failure message itself carries the last 20,000 characters.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from openapi_spec_validator import validate

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = REPO_ROOT / "Docs" / "openapi.json"
SEED = int(os.environ.get("SCHEMATHESIS_SEED", "20220110"))  # the Geneva talks, 10 January 2022
MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "50"))
RUN_TIMEOUT = 600


def fetch(url: str) -> tuple[int, dict, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_openapi_document_in_docs_is_valid():
    assert DOCUMENT.exists(), f"{DOCUMENT} is missing"
    validate(json.loads(DOCUMENT.read_text(encoding="utf-8")))


def test_served_openapi_document_is_valid_and_matches_docs(server):
    status, headers, body = fetch(server.base_url + "/openapi.json")
    assert status == 200
    media_type = {k.lower(): v for k, v in headers.items()}.get("content-type", "").split(";")[0].strip()
    assert media_type in ("application/json", "application/vnd.oai.openapi+json"), headers
    served = json.loads(body)
    validate(served)
    documented = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    # The server may fill in its own address; everything else is the document in Docs/.
    served.pop("servers", None)
    documented.pop("servers", None)
    assert served == documented, "the served /openapi.json differs from Docs/openapi.json"


def schemathesis_command(server, junit: Path, config: Path) -> list[str]:
    # The write operations need a token (issue 6). It is given as the document's `bearer` security
    # scheme's credential (config below), not as a plain header, so schemathesis knows it for what it
    # is: it sends it where the document asks for it, and its auth checks (ignored_auth, the coverage
    # phase's missing-Authorization cases) can also send each write without it and with a wrong one.
    return [
        sys.executable, "-c", "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())",
        "--config-file", str(config),
        "run", f"{server.base_url}/openapi.json",
        "--url", server.base_url,
        "--checks", "all",
        "--mode", "all",
        "--max-examples", str(MAX_EXAMPLES),
        "--seed", str(SEED),
        "--workers", "2",
        "--request-timeout", "10",
        "--generation-database", "none",
        "--report", "junit",
        "--report-junit-path", str(junit),
        "--no-color",
    ]


def auth_config(server, directory: Path) -> Path:
    """A schemathesis.toml holding nothing but the token of the document's `bearer` scheme."""
    config = directory / "schemathesis.toml"
    config.write_text(f'[auth.openapi.bearer]\nbearer = "{server.token}"\n', encoding="utf-8")
    return config


def digest(output: str) -> str:
    """One block per failing operation: its checks, the response status line and the curl to reproduce it."""
    lines, keep = [], False
    for line in output.splitlines():
        stripped = line.strip()
        if re.match(r"^_{3,} .+ _{3,}$", stripped):
            keep = True
            lines.append(stripped.strip("_ "))
        elif stripped.startswith("=" * 3):
            keep = False
        elif keep and (stripped.startswith("- ST") or re.match(r"^\[\d{3}\]", stripped)
                       or stripped.startswith("curl ") or stripped.startswith("Unsupported method")
                       or stripped.startswith("Invalid component")):
            lines.append("    " + stripped)
    return "\n".join(lines) if lines else "(none found in the output)"


def test_schemathesis_finds_no_failures(writable_server, tmp_path):
    # A server of its own: the run creates, changes and deletes records at random.
    server = writable_server
    workdir = tmp_path / "run"
    workdir.mkdir()
    junit = tmp_path / "schemathesis-junit.xml"
    log = tmp_path / "schemathesis.log"
    command = schemathesis_command(server, junit, auth_config(server, tmp_path))
    # No hooks or config from the environment may change what is checked.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHEMATHESIS_")}
    env.update(NO_COLOR="1", COLUMNS="160")
    # The only hook: the from <= to rule the document cannot express (see schemathesis_hooks.py).
    env.update(SCHEMATHESIS_HOOKS="schemathesis_hooks",
               PYTHONPATH=os.pathsep.join(filter(None, [str(Path(__file__).parent), env.get("PYTHONPATH")])))
    # Run from an empty directory, so no other schemathesis.toml is discovered: the flags above and the
    # token in auth_config are the whole run.
    result = subprocess.run(command, cwd=workdir, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=RUN_TIMEOUT)
    output = result.stdout + result.stderr
    log.write_text(f"$ {' '.join(command)}\n\n{output}", encoding="utf-8")
    if result.returncode != 0:
        pytest.fail(f"schemathesis exited {result.returncode} (full output in {log}).\n\n"
                    f"Digest (operation, check, response, reproduction):\n{digest(output)}\n\n"
                    f"Output (last 20,000 characters):\n{output[-20000:]}", pytrace=False)
    # Guard against a run that tested nothing or skipped operations (that would pass trivially).
    selected = re.search(r"Selected:\s*(\d+)/(\d+)", output)
    tested = re.search(r"Tested:\s*(\d+)", output)
    assert selected and tested, f"no summary of operations in the output:\n{output[-5000:]}"
    assert int(tested[1]) == int(selected[2]) > 0, f"not every operation was tested:\n{output[-5000:]}"
