"""The masking rule (issue #10): ID last 4, birth year, address to the county, phone 3+4."""

import pytest

from iauth_desktop.core.model.masking import (
    address_kept_length,
    is_masked_field,
    mask_address,
    mask_birth_date,
    mask_field,
    mask_free_text,
    mask_id_number,
    mask_name,
    mask_phone,
)


def test_id_number_keeps_last_four_only() -> None:
    # was 110105********002X: the hidden 8 were the birth date, shown in full elsewhere
    assert mask_id_number("11010519491231002X") == "**************002X"
    assert mask_id_number("110105491231002") == "***********1002"


def test_phone_keeps_first_three_and_last_four() -> None:
    assert mask_phone("13800138000") == "138****8000"


@pytest.mark.parametrize("value", ["", "12", "12345678"])
def test_short_values_are_masked_whole(value: str) -> None:
    assert mask_id_number(value) == "*" * len(value)


@pytest.mark.parametrize(
    "value", ["1949.12.31", "19491231", "1949-12-31", "1949年12月31日", "1949/1/3"]
)
def test_birth_date_keeps_the_year_only(value: str) -> None:
    assert mask_birth_date(value) == "1949-**-**"


def test_birth_date_that_is_no_date_is_masked_whole() -> None:
    assert mask_birth_date("unknown") == "*******"


@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("演示省样本市虚构区示例路1号演示小区8栋", "演示省样本市虚构区"),
        ("演示省示例县假想镇测试村18号", "演示省示例县"),
        ("北京市朝阳区建国路88号", "北京市朝阳区"),
        ("内蒙古自治区呼和浩特市新城区中山路1号", "内蒙古自治区呼和浩特市新城区"),
        ("广西壮族自治区南宁市青秀区民族大道1号", "广西壮族自治区南宁市青秀区"),
        ("深圳市南山区粤海街道科技园1号", "深圳市南山区"),
        ("湖北省仙桃市干河街道某小区5号", "湖北省仙桃市"),  # a county-level city
        ("吉林省延边朝鲜族自治州延吉市河南街1号", "吉林省延边朝鲜族自治州延吉市"),
        ("某某小区8栋", ""),  # no county found: starred whole
    ],
)
def test_address_is_kept_to_the_county(address: str, kept: str) -> None:
    masked = mask_address(address)
    assert masked == kept + "*" * (len(address) - len(kept))
    assert address_kept_length(address) == len(kept)


def test_masked_fields() -> None:
    assert mask_field("name", "欧阳演示") == "欧阳演示"
    assert mask_field("sex", "男") == "男"
    assert mask_field("id_number", "11010519491231002X") == "**************002X"
    assert mask_field("birth_date", "1949.12.31") == "1949-**-**"
    assert mask_field("address", "北京市朝阳区建国路88号") == "北京市朝阳区******"
    assert mask_field("phone", "13800138000") == "138****8000"
    masked = {"id_number", "birth_date", "address", "phone"}
    for role in ("name", "sex", "nation", "authority", "valid_period", "challenge"):
        assert not is_masked_field(role)
    assert all(is_masked_field(role) for role in masked)


def test_free_text_hides_id_and_phone_shaped_numbers() -> None:
    text = "id 11010519491231002X tel 13800138000 hash 0123456789abcdef0123456789"
    assert mask_free_text(text) == (
        "id **************002X tel 138****8000 hash 0123456789abcdef0123456789"
    )


def test_mask_name() -> None:
    assert mask_name("欧阳演示") == "欧***"
    assert mask_name("") == ""
