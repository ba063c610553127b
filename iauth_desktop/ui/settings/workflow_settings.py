"""The case workflow's rows of Settings → General: the reviewer's name and how long the case
history keeps a case. The settings dialog owns the form; these rows load, check and retranslate
themselves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from iauth_desktop.core.audit.guard import check_text
from iauth_desktop.core.model.decision import default_reviewer
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.ui.settings.app_settings import AppSettings

MAX_RETENTION_DAYS = 10 * 366
MAX_REVIEWER = 100


class WorkflowSettingsRows(QObject):
    """The widgets it adds to ``form`` belong to ``page``."""

    def __init__(self, page: QWidget, form: QFormLayout) -> None:
        super().__init__(page)
        self.reviewer_edit = QLineEdit(page)
        self.reviewer_edit.setObjectName("reviewer")
        self.reviewer_edit.setMaxLength(MAX_REVIEWER)
        self.reviewer_edit.setMinimumWidth(260)
        self.retention_spin = QSpinBox(page)
        self.retention_spin.setObjectName("retentionDays")
        self.retention_spin.setRange(1, MAX_RETENTION_DAYS)
        self.reviewer_label, self.retention_label = QLabel(page), QLabel(page)
        self.reviewer_label.setBuddy(self.reviewer_edit)
        self.retention_label.setBuddy(self.retention_spin)
        self.retention_hint = QLabel(page)
        self.retention_hint.setWordWrap(True)
        self.database_edit = QLineEdit(page)
        self.database_edit.setObjectName("teamDatabaseUrl")
        self.database_label = QLabel(page)
        self.database_label.setBuddy(self.database_edit)
        self.database_hint = QLabel(page)
        self.database_hint.setWordWrap(True)
        form.addRow(self.reviewer_label, self.reviewer_edit)
        form.addRow(self.retention_label, self.retention_spin)
        form.addRow(self.retention_hint)
        form.addRow(self.database_label, self.database_edit)
        form.addRow(self.database_hint)

    def load(self, settings: AppSettings) -> None:
        self.reviewer_edit.setText(settings.reviewer or "")
        self.database_edit.setText(settings.database_url or "")
        self.retention_spin.setValue(min(settings.retention_days, MAX_RETENTION_DAYS))

    def values(self) -> dict[str, Any]:
        """The settings these rows stand for; UsageError when the name cannot be used."""
        name = self.reviewer_edit.text().strip()
        if name:
            try:
                check_text(name, "reviewer")
            except UsageError:
                raise UsageError(
                    self.tr("the reviewer's name must not hold an ID or phone number")
                ) from None
        url = self.database_edit.text().strip()
        if url:
            from iauth_desktop.core.store.postgres.url import check_database_url  # noqa: PLC0415

            check_database_url(url)  # no password inside, verify-full off loopback: in words
        return {
            "reviewer": name or None,
            "retention_days": self.retention_spin.value(),
            "database_url": url or None,
        }

    def retranslate_ui(self) -> None:
        self.reviewer_label.setText(self.tr("&Reviewer"))
        self.reviewer_edit.setPlaceholderText(
            self.tr("{name} (the computer's user name)").format(name=default_reviewer())
        )
        self.retention_label.setText(self.tr("&Keep reviewed cases for"))
        self.retention_spin.setSuffix(self.tr(" days"))
        self.retention_hint.setText(
            self.tr(
                "The reviewer's name signs every decision and audit entry. Cases older than "
                "this are removed from the case history at start-up (the purge is audited); "
                "the audit log itself is never shortened."
            )
        )
        self.database_label.setText(self.tr("&Team database"))
        self.database_edit.setPlaceholderText(
            self.tr("none: this computer keeps its own case history")
        )
        self.database_hint.setText(
            self.tr(
                "A PostgreSQL URL without a password (postgresql://you@host/iauth, with "
                "sslmode=verify-full for another machine) shares one case record and audit "
                "trail with the team; IAUTH_DATABASE_URL takes precedence. Takes effect at the "
                "next start."
            )
        )
