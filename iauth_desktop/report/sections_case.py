"""The report's first half: case header, decision, verdict and codes, checks, identity fields."""

from __future__ import annotations

from iauth_desktop.core.evidence.report_data import CodeLine, ReportData
from iauth_desktop.core.model.attempts import (
    LivenessAttempt,
    code_text,
    similarity_text,
    time_text,
)
from iauth_desktop.core.model.decision import Decision
from iauth_desktop.report.labels import (
    ACTIONS,
    CHECK_NAMES,
    CHECK_STATUS,
    ENVIRONMENTS,
    MODES,
    REASONS,
    VERDICTS,
    VERIFICATION_TYPES,
    field_label,
    format_time,
)
from iauth_desktop.report.layout import GREY, Cell
from iauth_desktop.report.style import BLACK, CHECK_COLORS, RED, STATUS_COLORS, Writer


def title(w: Writer, data: ReportData) -> None:
    w.flow.text("Case report 核验案件报告", w.fonts.title)
    w.flow.space(1)
    w.paragraph(
        f"Tencent {data.provider_title or 'real-name verification'} · "
        f"iauth-desktop {data.tool_version} · "
        f"generated {format_time(data.generated_at)}",
        GREY,
        small=True,
    )
    for warning in data.integrity_warnings:
        w.flow.text(
            f"TAMPERED EVIDENCE 证据已被改动 — the saved files no longer match their manifest "
            f"({warning}). Nothing below can be vouched for.",
            w.fonts.strong,
            RED,
        )
        w.flow.space(1)
    if data.full_ids:
        w.paragraph(
            "This report shows FULL identity numbers, as explicitly requested (recorded in the "
            "audit log). 本报告包含完整证件号码与手机号。",
            RED,
        )
    else:
        w.paragraph(
            "Identity values are masked: ID number last 4 only, birth date year only, address "
            "to the district or county, phone first 3 and last 4; the checks print no dates; the "
            "ID card's number, birth date and address are covered. 证件号仅显示后4位，出生日期仅"
            "显示年份，住址仅显示到区县，手机号显示前3后4；证件图片的号码、出生日期、住址已遮盖。",
            GREY,
            small=True,
        )


def case_header(w: Writer, data: ReportData) -> None:
    w.heading("Case 案件")
    environment = ENVIRONMENTS.get(data.environment, data.environment)
    if data.profile_name:
        environment += f" · profile {data.profile_name}"
    verification = (
        VERIFICATION_TYPES.get(data.verification_type, str(data.verification_type))
        if data.verification_type is not None
        else "not given 未提供"
    )
    w.key_values(
        [
            ("Token", data.token),
            ("Fetched at 获取时间", format_time(data.fetched_at)),
            ("Environment 环境", environment),
            ("Endpoint host 服务地址", data.endpoint_host or "unknown 未知"),
            ("Fetch mode 获取方式", _mode(data)),
            ("Verification type 核验类型", verification),
            ("Report printed by 报告打印人", data.reviewer),
        ]
    )


def decision(w: Writer, data: ReportData) -> None:
    w.heading("Decision 审核决定")
    if data.decision is None:
        w.paragraph("No decision recorded 尚无审核决定")
        return
    w.key_values(decision_rows(data.decision))


def decision_rows(d: Decision) -> list[tuple[str, str]]:
    rows = [("Decision 决定", f"{d.action.label} {ACTIONS.get(d.action.value, '')}".strip())]
    if d.reason is not None:
        reason = f"{d.reason.label} {REASONS.get(d.reason.value, '')}".strip()
        rows.append(("Reason 理由", f"{reason}: {d.reason_text}" if d.reason_text else reason))
    if d.justification:
        rows.append(("Justification 说明", d.justification))
    rows.append(("Notes 备注", d.notes or "—"))
    rows.append(("Decided by 审核人", d.reviewer))
    rows.append(("Decided at 决定时间", format_time(d.decided_at)))
    if d.supersedes is not None:
        rows.append(("Replaces 取代", f"decision #{d.supersedes}"))
    return rows


def verdict(w: Writer, data: ReportData) -> None:
    w.heading("Verdict 核验结论")
    status = data.verdict.status
    text = VERDICTS.get(status, status)
    if data.verdict.failed_stages:
        text += " — failed stage 未通过环节: " + ", ".join(data.verdict.failed_stages)
    w.flow.text(text, w.fonts.verdict, STATUS_COLORS.get(status, RED))
    w.flow.space(1)
    w.paragraph(data.verdict.summary, GREY, small=True)
    evidence(w, data)
    if not data.codes:
        w.paragraph("The answer carries no status codes. 结果中没有状态码。")
        return
    w.table(
        ("Field", "Code", "Stage", "含义", "Meaning", "Service said 服务返回"),
        [code_cells(w, line) for line in data.codes],
        (24, 14, 24, 38, 45, 35),
    )


def evidence(w: Writer, data: ReportData) -> None:
    """Whether the media a full fetch must carry all came and can be used."""
    if data.evidence_complete is None:
        w.paragraph(
            "Evidence: not judged (text-only fetch). 证据：未评估（仅文字）。", GREY, small=True
        )
    elif data.evidence_complete:
        w.paragraph("Evidence: complete. 证据：完整。", GREY, small=True)
    else:
        problems = "; ".join(f"{field}: {reason}" for field, reason in data.evidence_problems)
        w.paragraph(
            "EVIDENCE INCOMPLETE 证据不完整 — approving needs a written justification "
            f"批准需要书面理由: {problems}",
            RED,
        )


def code_cells(w: Writer, line: CodeLine) -> list[Cell]:
    info = line.info
    if info is None:
        return [
            w.cell(line.field),
            w.cell(line.raw),
            w.cell("—"),
            w.cell("不是数字"),
            w.cell("not a number", RED),
            w.cell(line.message),
        ]
    return [
        w.cell(line.field),
        w.cell(str(info.code)),
        w.cell(info.stage),
        w.cell(f"{info.zh}（据引擎文档）" if info.from_engine else info.zh),
        w.cell(info.en_labelled),
        w.cell(line.message),
    ]


def attempts(w: Writer, data: ReportData) -> None:
    """Every liveness attempt in its own row, the identity document used and the service's
    warnings about the ID card photos (providers that report them: FaceID)."""
    if not (data.attempts or data.card_warnings or data.document_type):
        return
    w.heading(f"Liveness attempts 活体尝试 ({len(data.attempts)})")
    if data.document_type:
        w.key_values([("Identity document 证件类型", data.document_type)])
    for warning in data.card_warnings:
        w.paragraph(
            f"WARNING 警告 — {warning.stage}: {warning.code} {warning.zh} — {warning.en}", RED
        )
    if not data.attempts:
        w.paragraph("The answer lists no attempts. 结果中没有活体尝试记录。", GREY, small=True)
        return
    w.table(
        ("#", "Time 时间", "Mode 模式", "Result 结果", "Liveness 活体", "Compare 比对",
         "Sim 相似度", "Billed 计费"),
        [attempt_cells(w, attempt) for attempt in data.attempts],
        (7, 22, 16, 36, 36, 30, 13, 20),
    )  # fmt: skip


def attempt_cells(w: Writer, attempt: LivenessAttempt) -> list[Cell]:
    codes = [
        w.cell(code_text(code, full=True), RED if code.failed else BLACK, small=True)
        for code in attempt.codes
    ]
    while len(codes) < 3:
        codes.append(w.cell("—"))
    billed = (
        "not said 未说明"
        if attempt.billed is None
        else ("billed 计费" if attempt.billed else "not billed 未计费")
    )
    return [
        w.cell(str(attempt.index)),
        w.cell(time_text(attempt)),
        w.cell(attempt.mode or "—"),
        *codes[:3],
        w.cell(similarity_text(attempt)),
        w.cell(billed),
    ]


def checks(w: Writer, data: ReportData) -> None:
    w.heading("Consistency checks 一致性检查")
    w.paragraph(
        "Computed by iauth-desktop from the fields below; they never change the service's "
        "verdict. 由本工具根据下列字段计算，不改变服务的核验结论。",
        GREY,
        small=True,
    )
    w.table(
        ("Check 检查", "Status 状态", "Finding", "结论"),
        [
            [
                w.cell(CHECK_NAMES.get(check.key, check.key)),
                w.cell(CHECK_STATUS.get(check.status, check.status), CHECK_COLORS[check.status]),
                w.cell(check.message),
                w.cell(check.message_zh),
            ]
            for check in data.checks
        ],
        (30, 24, 66, 60),
    )


def identity(w: Writer, data: ReportData) -> None:
    w.heading("Identity fields 身份信息")
    documented = [row for row in data.fields if row.documented]
    extra = [row for row in data.fields if not row.documented]
    widths = (30, 42, w.content_mm - 72)
    if documented:
        w.table(
            ("Field 字段", "Label 名称", "Value 值"),
            [
                [
                    w.cell(row.key),
                    w.cell(field_label(row.role, row.key)),
                    w.cell(row.value + ("  (masked 已脱敏)" if row.masked else "")),
                ]
                for row in documented
            ],
            widths,
        )
    else:
        w.paragraph("The answer carries no identity fields. 结果中没有身份信息字段。")
    w.flow.space(2)
    w.flow.text(
        "Fields the integration document does not name 接入文档未列出的字段", w.fonts.strong
    )
    w.flow.space(1)
    if extra:
        w.table(
            ("Field 字段", "Value as sent 原始值"),
            [[w.cell(row.key), w.cell(row.value)] for row in extra],
            (30, w.content_mm - 30),
        )
    else:
        w.paragraph("none 无")
    w.flow.space(2)
    if data.challenge_key:
        w.key_values([(f"{data.challenge_key} 朗读数字", data.challenge or "(empty 空)")])


def _mode(data: ReportData) -> str:
    text = MODES.get(data.mode.value, data.mode.value) if data.mode else "unknown 未知"
    return f"{text} ({data.request})" if data.request else text
