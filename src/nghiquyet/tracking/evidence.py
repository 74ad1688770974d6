"""Evidence files (minh chứng) attached to an update; stored content-addressed under files_dir."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path, PurePath

from sqlalchemy.orm import Session

from nghiquyet.audit.service import record, snapshot
from nghiquyet.config import Settings
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.tracking.models import Evidence, Update
from nghiquyet.units.permissions import Actor, require_unit_read, require_unit_write

MB = 1_048_576


def attach_evidence(session: Session, *, update_id: int, filename: str, data: bytes, actor: Actor,
                    settings: Settings) -> Evidence:
    """Attach a file to a draft, submitted or returned update (approved data is locked)."""
    update = session.get(Update, update_id)
    if update is None:
        raise NotFoundError(f"Không tìm thấy báo cáo #{update_id}")
    require_unit_write(actor, update.unit_id, "đính kèm minh chứng")
    if update.state == "approved":
        raise ConflictError("Báo cáo đã duyệt, không đính kèm thêm được; hãy gửi đính chính")
    if not data:
        raise InputError("Tệp minh chứng rỗng", path=filename)
    if len(data) > settings.max_upload_mb * MB:
        raise InputError(f"Tệp quá lớn (giới hạn {settings.max_upload_mb} MB)", path=filename)
    name = PurePath(filename.replace("\\", "/")).name.strip()[:200] or "minh-chung"
    sha = hashlib.sha256(data).hexdigest()
    rel = f"evidence/{sha[:2]}/{sha}{PurePath(name).suffix.lower()[:10]}"
    final = settings.files_dir / rel
    if not final.exists():
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".upload-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, final)
    evidence = Evidence(update_id=update.id, filename=name, stored_path=rel, sha256=sha, size=len(data),
                        created_by=actor.id)
    session.add(evidence)
    session.flush()
    record(session, actor=actor, action="evidence.attach", object_type="update", object_id=update.id,
           after=snapshot(evidence))
    session.flush()
    return evidence


def evidence_file(session: Session, *, evidence_id: int, actor: Actor, settings: Settings) -> tuple[Evidence,
                                                                                                    Path]:
    """The evidence row and the path of its stored file, for download."""
    evidence = session.get(Evidence, evidence_id)
    if evidence is None:
        raise NotFoundError(f"Không tìm thấy minh chứng #{evidence_id}")
    require_unit_read(session, actor, evidence.update.unit_id)
    return evidence, settings.files_dir / evidence.stored_path
