"""A copy of the project as a clone has it (tracked and new files, nothing ignored), laid
where no ../shared is beside it: what a user gets who clones the repository alone."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_copy(tmp_path: Path) -> Path:
    """The copy, at tmp_path/clone/kommunbudget (tmp_path/clone has nothing else)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\n")
    project = tmp_path / "clone" / "kommunbudget"
    for name in (n for n in listed if n and (ROOT / n).is_file()):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, project / name)
    assert not (project.parent / "shared").exists()
    return project


def environment_of(project: Path) -> dict[str, str]:
    """This environment with the copy first on the import path and its own configs."""
    kept = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KOMMUNBUDGET_CONFIG_DIR")}
    return {**kept, "PYTHONPATH": str(project), "GX_ANALYTICS_ENABLED": "False"}
