"""A core error in the reviewer's language: its message key through ``error_catalogue``.

The core's errors stay English (``str(error)``, for the command line and the logs) and carry the
same message by key (``error.detail``); the console says it in the installed language. A text
without a key (or with one this version has no translation for) is shown in English rather than
not at all. Parameters are technical tokens (codes, paths, hosts, field names, the service's own
words) and stay as they are, but for nested messages, which are translated too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from iauth_desktop.core.model.errors import ServiceError
from iauth_desktop.core.model.messages import PLAIN, Detail, Param, said
from iauth_desktop.ui.error_catalogue import error_templates
from iauth_desktop.ui.i18n import current_language
from iauth_desktop.ui.tasks import TaskFailure


def detail_text(detail: Detail) -> str:
    """``detail`` in the installed language (English where no translation is known)."""
    return _render(detail, error_templates())


def error_text(error: BaseException) -> str:
    """What a reviewer reads for ``error``: a core error by its key, anything else as it is."""
    if isinstance(error, ServiceError):
        return detail_text(
            said(
                "service.error",
                code=error.code,
                name=error.name,
                meaning=service_meaning(error),
                errormsg=repr(error.errormsg),
            )
        )
    detail = getattr(error, "detail", None)
    return detail_text(detail) if isinstance(detail, Detail) else str(error)


def failure_text(failure: TaskFailure) -> str:
    """A background task's failure: its typed error, or the message it came with."""
    return error_text(failure.error) if failure.error is not None else failure.message


def service_meaning(error: ServiceError) -> str:
    """The service's code explained in the installed language, from the provider's table."""
    info = error.info
    if info is not None and info.known:
        return info.zh if current_language() == "zh_CN" else info.en
    if info is not None or error.meaning.startswith("unknown service error code"):
        return detail_text(said("service.unknown_code", code=error.code))
    return error.meaning


def _render(detail: Detail, templates: dict[str, str]) -> str:
    if detail.key == PLAIN:
        return detail.english()
    template = templates.get(detail.key)
    if template is None:
        return detail.english()
    values = {name: _param(value, templates) for name, value in detail.params.items()}
    return template.format(**values)


def _param(value: Param, templates: dict[str, str]) -> str:
    if isinstance(value, Detail):
        return _render(value, templates)
    if isinstance(value, tuple):
        separator = QCoreApplication.translate("Errors", "; ")
        return separator.join(_render(part, templates) for part in value)
    return str(value)
