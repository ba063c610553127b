"""The report's second half: ID card images, video frames and stills, manifest, provenance."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QPainter

from iauth_desktop.core.evidence.report_data import ReportData, ReportMedium
from iauth_desktop.core.model.result import MediaRole
from iauth_desktop.report.card_redaction import mask_card_image
from iauth_desktop.report.labels import format_ms, format_time, media_label
from iauth_desktop.report.layout import GREY, Picture
from iauth_desktop.report.stills import StillsResult
from iauth_desktop.report.style import RED, Writer

ID_WIDTH_MM = 87.0
FRAME_WIDTH_MM = 56.0
GAP_MM = 6.0
STILLS_PER_ROW = 3
# Heading, a line of text and the first row of pictures with captions stay on one page.
KEEP_ID_MM = 80.0
KEEP_FRAMES_MM = 72.0


def id_card(w: Writer, data: ReportData) -> None:
    w.heading("ID card 身份证", KEEP_ID_MM)
    cards = [m for m in data.images if m.role in (MediaRole.ID_FRONT, MediaRole.ID_BACK)]
    w.flow.pictures(
        [_picture(medium, ID_WIDTH_MM, 540 / 856) for medium in cards],
        w.fonts.small,
        GAP_MM,
    )


def video_frames(w: Writer, data: ReportData) -> None:
    w.heading("Video frames 视频截图", KEEP_FRAMES_MM)
    w.flow.pictures(
        [
            _picture(medium, FRAME_WIDTH_MM, 0.75)
            for medium in data.images
            if medium.role is MediaRole.FRAME
        ],
        w.fonts.small,
        GAP_MM,
    )


def video_stills(w: Writer, data: ReportData, stills: StillsResult | None) -> None:
    w.heading("Video stills 视频抽帧", KEEP_FRAMES_MM)
    if data.video.data is None:
        w.paragraph(f"No video to sample: {data.video.note or 'not sent'}. 没有可抽帧的视频。")
        return
    if stills is None or not stills.stills:
        reason = stills.error if stills is not None and stills.error else "no frame decoded"
        w.paragraph(f"The video could not be sampled: {reason}. 视频无法抽帧。", RED)
        return
    w.paragraph(
        f"{len(stills.stills)} stills sampled evenly across the video "
        f"({format_ms(stills.duration_ms)} long); each time is the frame's own start time. "
        f"从视频中均匀抽取 {len(stills.stills)} 帧。",
        GREY,
        small=True,
    )
    items = [
        Picture(still.image, f"still {n} 第{n}帧 · {format_ms(still.start_ms)}", FRAME_WIDTH_MM)
        for n, still in enumerate(stills.stills, start=1)
    ]
    for start in range(0, len(items), STILLS_PER_ROW):
        w.flow.pictures(items[start : start + STILLS_PER_ROW], w.fonts.small, GAP_MM)
        w.flow.space(2)


def manifest(w: Writer, data: ReportData) -> None:
    w.heading("Evidence manifest 证据清单")
    evidence = data.manifest
    if evidence.sha256 is None:
        w.paragraph(
            "This case was not saved as an evidence bundle: the hashes are those of the media "
            "held in memory. 本案件未保存为证据包。",
            GREY,
            small=True,
        )
    else:
        w.paragraph(
            f"Evidence bundle {evidence.bundle_name or ''}, written by iauth-desktop "
            f"{evidence.written_by or '(unknown version)'}.",
            GREY,
            small=True,
        )
    if evidence.files:
        w.table(
            ("File 文件", "Bytes 字节", "SHA-256"),
            [
                [w.cell(f.name), w.cell(f"{f.size:,}"), w.cell(f.sha256, small=True)]
                for f in evidence.files
            ],
            (30, 22, w.content_mm - 52),
        )
    else:
        w.paragraph("No media files. 没有媒体文件。")
    if evidence.sha256 is not None:
        w.flow.space(1)
        w.key_values([("manifest.json SHA-256", evidence.sha256)])


def provenance(w: Writer, data: ReportData) -> None:
    w.heading("Report 报告")
    head = data.audit_head
    w.key_values(
        [
            ("Tool version 工具版本", f"iauth-desktop {data.tool_version}"),
            (
                "Audit log head 审计日志头",
                f"entry {head.seq} · SHA-256 {head.sha256}" if head else "not available 无",
            ),
            ("Generated at 生成时间", format_time(data.generated_at)),
            ("Printed by 打印人", data.reviewer),
        ]
    )


def outside_font_section(w: Writer, characters: list[str], texts: list[str]) -> None:
    """Each character the embedded font lacks, its code point and the texts that hold it."""
    w.heading("Characters outside the embedded font 嵌入字体以外的字符")
    w.paragraph(
        "character outside the embedded font: the report's font covers GB 18030's mandatory Han "
        "(U+4E00–U+9FA5, U+3400–U+4DB5); the characters below were printed with a system font "
        "where the machine has one, else as a box. Compare them with the evidence. "
        "以下字符不在嵌入字体中，已用系统字体打印（若无则显示为方框），请与证据核对。",
        RED,
    )
    rows = []
    for char in characters:
        where = next((t for t in texts if char in t), "")
        rows.append([w.cell(char), w.cell(f"U+{ord(char):04X}"), w.cell(where)])
    w.table(("Character 字符", "Code point 码位", "In 所在文字"), rows, (24, 30, w.content_mm - 54))


def _picture(medium: ReportMedium, width_mm: float, aspect: float) -> Picture:
    label = media_label(medium.role, medium.index)
    if medium.data is None:
        return Picture(None, f"{medium.field} · {label}", width_mm, medium.note or "", aspect)
    image = QImage.fromData(QByteArray(bytes(medium.data)))
    if image.isNull():
        note = "the image could not be decoded 图片无法解码"
        if medium.note:
            note += f": {medium.note}"
        return Picture(None, f"{medium.field} · {label}", width_mm, note, aspect)
    caption = f"{medium.field} · {label} · {image.width()}×{image.height()} px"
    if medium.note:
        caption += f" · {medium.note}"
    if medium.mask_card:
        masked = mask_card_image(image)
        if masked.image is None:  # never printed whole in a masked report
            return Picture(None, f"{caption} · {masked.caption}", width_mm, masked.caption, aspect)
        return Picture(masked.image, f"{caption} · {masked.caption}", width_mm)
    return Picture(_opaque(image), caption, width_mm)


def _opaque(image: QImage) -> QImage:
    """An image with transparency flattened onto white: the PDF then holds no soft mask."""
    if not image.hasAlphaChannel():
        return image
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat
