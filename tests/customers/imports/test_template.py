"""The downloadable import template: a CSV header line that reads back as the intended fields."""

from __future__ import annotations

import uuid

from clientele.customers.custom_fields import Definition, create_definition, definitions
from clientele.customers.enums import CustomFieldType
from clientele.customers.imports.mapping import suggest, validate
from clientele.customers.imports.reading import open_sheet
from clientele.customers.imports.template import TEMPLATE_FIELDS, template_csv


def _definition(key: str, label: str, *, archived: bool = False) -> Definition:
    return Definition(id=uuid.uuid4(), key=key, label=label, field_type=CustomFieldType.TEXT,
                      options=(), required=False, archived=archived)


def test_template_without_custom_fields() -> None:
    data = template_csv()
    assert data == (
        "\ufeffSalutation,First name,Last name,Email,Mobile phone,Landline phone,"
        "Date of birth,Company,Street,Postcode,City,Country,Preferred language,Notes\r\n"
    ).encode()
    sheet = open_sheet(data)
    assert list(sheet.rows()) == []
    mapping = suggest(sheet.header)
    assert [c.target for c in mapping.columns] == list(TEMPLATE_FIELDS)
    assert all(c.score == 100 for c in mapping.columns)
    validate(mapping)


def test_template_custom_fields_read_back_as_themselves() -> None:
    custom = [_definition("shoe_size", "Schuhgrösse"),
              _definition("vip_notes", "Notes"),  # the label of a customer field: by key
              _definition("a_tier", "Stufe"),
              _definition("b_tier", "Stufe"),  # the same label twice: the second by key
              _definition("formula", "=HYPERLINK(\"x\")"),
              _definition("email", "Email"),  # label and key read as a customer field
              _definition("gone", "Archiviert", archived=True)]
    data = template_csv(custom)
    sheet = open_sheet(data, definitions=custom)
    assert sheet.header[len(TEMPLATE_FIELDS):] == [
        # the formula-like label is escaped in the file and read back as itself
        "Stufe", "b_tier", "custom.email", "=HYPERLINK(\"x\")", "Schuhgrösse", "vip_notes"]
    mapping = suggest(sheet.header, custom)
    assert [c.target for c in mapping.columns][len(TEMPLATE_FIELDS):] == [
        "custom.a_tier", "custom.b_tier", "custom.email", "custom.formula", "custom.shoe_size",
        "custom.vip_notes"]
    validate(mapping, custom)


async def test_template_from_an_accounts_definitions(account) -> None:
    await create_definition(account.id, "allergies", "Allergien", CustomFieldType.TEXT)
    await create_definition(account.id, "visits", "Besuche", CustomFieldType.NUMBER)
    found = list((await definitions(account.id)).values())
    data = template_csv(found)
    assert data.decode("utf-8-sig").rstrip("\r\n").endswith(",Allergien,Besuche")
    mapping = suggest(open_sheet(data).header, found)
    assert mapping.targets()[len(TEMPLATE_FIELDS)] == "custom.allergies"
    assert mapping.targets()[len(TEMPLATE_FIELDS) + 1] == "custom.visits"
