import pytest

from iauth_desktop.core.model.masking import mask_field, mask_id_number, mask_name, mask_phone


def test_id_number_keeps_first_six_and_last_four() -> None:
    assert mask_id_number("11010519491231002X") == "110105********002X"


def test_phone_keeps_first_three_and_last_four() -> None:
    assert mask_phone("13800138000") == "138****8000"


@pytest.mark.parametrize("value", ["", "12", "1234567890"])
def test_short_values_are_masked_whole(value: str) -> None:
    assert mask_id_number(value) == "*" * len(value)


def test_nothing_else_is_masked() -> None:
    assert mask_field("name", "欧阳演示") == "欧阳演示"
    assert mask_field("id_number", "11010519491231002X") == "110105********002X"
    assert mask_field("phone", "13800138000") == "138****8000"


def test_mask_name() -> None:
    assert mask_name("欧阳演示") == "欧***"
    assert mask_name("") == ""
