"""Suggested column mappings for the headers of common exports and of German, French and
Italian files; custom fields; the editable mapping and its validation."""

from __future__ import annotations

import uuid

import pytest

from clientele.customers.custom_fields import Definition
from clientele.customers.enums import CustomFieldType
from clientele.customers.imports.errors import ImportErrorCode, MappingError
from clientele.customers.imports.mapping import (
    TARGETS,
    Mapping,
    normalise,
    suggest,
    suggest_one,
    validate,
)
from clientele.customers.names import split_full_name


def _mapped(headers: list[str], definitions=()) -> dict[str, str]:
    """header -> target of the columns the suggestion maps (ignored ones left out)."""
    return {c.header: c.target for c in suggest(headers, definitions).columns if c.target}


def _definition(key: str, label: str, *, archived: bool = False) -> Definition:
    return Definition(id=uuid.uuid4(), key=key, label=label, field_type=CustomFieldType.TEXT,
                      options=(), required=False, archived=archived)


GOOGLE = ["First Name", "Middle Name", "Last Name", "Phonetic First Name",
          "Phonetic Middle Name", "Phonetic Last Name", "Name Prefix", "Name Suffix",
          "Nickname", "File As", "Organization Name", "Organization Title",
          "Organization Department", "Birthday", "Notes", "Photo", "Labels",
          "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value",
          "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value",
          "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City",
          "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code",
          "Address 1 - Country", "Address 1 - Extended Address"]


def test_google_contacts() -> None:
    assert _mapped(GOOGLE) == {
        "First Name": "first_name", "Last Name": "last_name", "Name Prefix": "salutation",
        "Organization Name": "company", "Birthday": "date_of_birth", "Notes": "notes",
        "E-mail 1 - Value": "email", "Phone 1 - Value": "phone", "Phone 2 - Value": "phone",
        "Address 1 - Street": "street", "Address 1 - City": "city",
        "Address 1 - Postal Code": "postcode", "Address 1 - Country": "country",
    }


def test_google_contacts_older_export() -> None:
    headers = ["Name", "Given Name", "Additional Name", "Family Name", "Yomi Name",
               "Name Prefix", "Birthday", "Gender", "Notes", "Group Membership",
               "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value",
               "Address 1 - Street", "Address 1 - City", "Address 1 - Postal Code",
               "Organization 1 - Type", "Organization 1 - Name", "Organization 1 - Title"]
    assert _mapped(headers) == {
        # "Name" repeats given and family name: left out, not mapped twice
        "Given Name": "first_name", "Family Name": "last_name", "Name Prefix": "salutation",
        "Birthday": "date_of_birth", "Notes": "notes", "E-mail 1 - Value": "email",
        "Phone 1 - Value": "phone", "Address 1 - Street": "street",
        "Address 1 - City": "city", "Address 1 - Postal Code": "postcode",
        "Organization 1 - Name": "company",
    }


OUTLOOK = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
           "Job Title", "Business Street", "Business Street 2", "Business City",
           "Business State", "Business Postal Code", "Business Country/Region", "Home Street",
           "Home Street 2", "Home City", "Home State", "Home Postal Code", "Home Country/Region",
           "Assistant's Phone", "Business Fax", "Business Phone", "Business Phone 2",
           "Car Phone", "Company Main Phone", "Home Fax", "Home Phone", "Mobile Phone",
           "Other Phone", "Pager", "Primary Phone", "Birthday", "Categories",
           "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address",
           "Gender", "Language", "Notes", "Web Page"]


def test_outlook() -> None:
    assert _mapped(OUTLOOK) == {
        "Title": "salutation", "First Name": "first_name", "Last Name": "last_name",
        "Company": "company",
        # the home address wins over the business one, field by field
        "Home Street": "street", "Home City": "city", "Home Postal Code": "postcode",
        "Home Country/Region": "country",
        "Business Phone": "landline_phone", "Business Phone 2": "landline_phone",
        "Home Phone": "landline_phone", "Mobile Phone": "mobile_phone",
        "Other Phone": "phone", "Primary Phone": "phone",
        "Birthday": "date_of_birth", "E-mail Address": "email",
        "Language": "preferred_language", "Notes": "notes",
    }


def test_outlook_business_address_when_there_is_no_home_one() -> None:
    mapped = _mapped(["First Name", "Last Name", "Business Street", "Business City",
                      "Business Postal Code", "E-mail Address", "E-mail 2 Address"])
    assert mapped == {"First Name": "first_name", "Last Name": "last_name",
                      "Business Street": "street", "Business City": "city",
                      "Business Postal Code": "postcode", "E-mail Address": "email"}


def test_apple_contacts_through_a_csv_tool() -> None:
    headers = ["First name", "Last name", "Organization", "Email (home)", "Email (work)",
               "Phone (mobile)", "Phone (home)", "Phone (work)", "Address (home) Street",
               "Address (home) City", "Address (home) ZIP", "Address (home) Country",
               "Birthday", "Note"]
    assert _mapped(headers) == {
        "First name": "first_name", "Last name": "last_name", "Organization": "company",
        "Email (home)": "email", "Phone (mobile)": "mobile_phone",
        "Phone (home)": "landline_phone", "Phone (work)": "landline_phone",
        "Address (home) Street": "street", "Address (home) City": "city",
        "Address (home) ZIP": "postcode", "Address (home) Country": "country",
        "Birthday": "date_of_birth", "Note": "notes",
    }


def test_booking_tools() -> None:
    assert _mapped(["Client name", "Customer Email", "Mobile number", "Date of birth",
                    "Client notes", "Client ID", "Gender"]) == {
        "Client name": "full_name", "Customer Email": "email",
        "Mobile number": "mobile_phone", "Date of birth": "date_of_birth",
        "Client notes": "notes"}
    fresha = ["Client ID", "First Name", "Last Name", "Full Name", "Blocked", "Gender",
              "Mobile Number", "Telephone", "Email", "Accepts Marketing", "Address", "City",
              "State", "Post Code", "Date of Birth", "Added", "Note", "Referral Source"]
    assert _mapped(fresha) == {
        "First Name": "first_name", "Last Name": "last_name", "Mobile Number": "mobile_phone",
        "Telephone": "phone", "Email": "email", "Address": "street", "City": "city",
        "Post Code": "postcode", "Date of Birth": "date_of_birth", "Note": "notes"}


def test_german() -> None:
    assert _mapped(["Anrede", "Vorname", "Nachname", "E-Mail-Adresse", "Telefon", "Handy",
                    "Geburtsdatum", "Firma", "Straße", "PLZ", "Ort", "Land", "Sprache",
                    "Bemerkungen"]) == {
        "Anrede": "salutation", "Vorname": "first_name", "Nachname": "last_name",
        "E-Mail-Adresse": "email", "Telefon": "phone", "Handy": "mobile_phone",
        "Geburtsdatum": "date_of_birth", "Firma": "company", "Straße": "street",
        "PLZ": "postcode", "Ort": "city", "Land": "country", "Sprache": "preferred_language",
        "Bemerkungen": "notes"}


def test_swiss_german_name_beside_vorname_is_the_family_name() -> None:
    assert _mapped(["Name", "Vorname", "Natel", "Strasse", "PLZ", "Ort", "Geb.-Datum"]) == {
        "Name": "last_name", "Vorname": "first_name", "Natel": "mobile_phone",
        "Strasse": "street", "PLZ": "postcode", "Ort": "city", "Geb.-Datum": "date_of_birth"}
    assert _mapped(["Name", "E-Mail"]) == {"Name": "full_name", "E-Mail": "email"}


def test_french() -> None:
    assert _mapped(["Civilité", "Prénom", "Nom", "Courriel", "Téléphone", "Portable",
                    "Date de naissance", "Société", "Rue", "Code postal", "Ville", "Pays",
                    "Langue", "Remarques"]) == {
        "Civilité": "salutation", "Prénom": "first_name", "Nom": "last_name",
        "Courriel": "email", "Téléphone": "phone", "Portable": "mobile_phone",
        "Date de naissance": "date_of_birth", "Société": "company", "Rue": "street",
        "Code postal": "postcode", "Ville": "city", "Pays": "country",
        "Langue": "preferred_language", "Remarques": "notes"}
    assert _mapped(["Prénom", "Nom de famille", "Adresse e-mail", "NPA", "Localité"]) == {
        "Prénom": "first_name", "Nom de famille": "last_name", "Adresse e-mail": "email",
        "NPA": "postcode", "Localité": "city"}


def test_italian() -> None:
    assert _mapped(["Titolo", "Nome", "Cognome", "E-mail", "Telefono", "Cellulare",
                    "Data di nascita", "Azienda", "Via", "CAP", "Città", "Paese", "Lingua",
                    "Note"]) == {
        "Titolo": "salutation", "Nome": "first_name", "Cognome": "last_name",
        "E-mail": "email", "Telefono": "phone", "Cellulare": "mobile_phone",
        "Data di nascita": "date_of_birth", "Azienda": "company", "Via": "street",
        "CAP": "postcode", "Città": "city", "Paese": "country",
        "Lingua": "preferred_language", "Note": "notes"}


@pytest.mark.parametrize(("header", "target"), [
    ("FIRST_NAME", "first_name"), ("firstName", "first_name"), ("first-name", "first_name"),
    ("  E-Mail  ", "email"), ("EMAIL_ADDRESS", "email"), ("Geb.-Datum:", "date_of_birth"),
    ("Téléphone portable", "mobile_phone"), ("TELEPHONE PORTABLE", "mobile_phone"),
    ("Strasse", "street"), ("STRASSE", "street"), ("Straße", "street"),
    ("Postleitzahl", "postcode"), ("Città", "city"), ("citta", "city"),
])
def test_case_accent_and_punctuation_insensitive(header: str, target: str) -> None:
    suggestion = suggest_one(header)
    assert (suggestion.target, suggestion.score) == (target, 100.0)


@pytest.mark.parametrize(("header", "target"), [
    ("Vornamen", "first_name"), ("Nachnahme", "last_name"), ("Telefonnumer", "phone"),
    ("Emial Adresse", "email"), ("Geburtsdatun", "date_of_birth"),
    ("Postleitzahll", "postcode"), ("Mobilnummern", "mobile_phone"),
])
def test_near_misses(header: str, target: str) -> None:
    suggestion = suggest_one(header)
    assert suggestion.target == target
    assert 85 <= suggestion.score < 100


@pytest.mark.parametrize("header", ["Xyz", "Lieblingsfarbe", "Umsatz 2023", "Nomad", "Orts",
                                    "Middle Name", "Fax", "", "   "])
def test_unknown_and_known_useless_headers_are_ignored(header: str) -> None:
    assert suggest_one(header).target is None


def test_each_target_once_except_phones() -> None:
    mapping = suggest(["Email", "E-Mail", "Mobile", "Handy", "Telefon", "Phone", "Vorname"])
    assert [c.target for c in mapping.columns] == [
        "email", None, "mobile_phone", "mobile_phone", "phone", "phone", "first_name"]
    validate(mapping)


def test_custom_fields_by_key_label_and_near_miss() -> None:
    definitions = [_definition("shoe_size", "Schuhgrösse"),
                   _definition("allergies", "Allergien"),
                   _definition("member_no", "Mitgliedsnummer"),
                   _definition("old_field", "Alte Kundennummer", archived=True)]
    mapped = _mapped(["Vorname", "SHOE SIZE", "Allergien", "Mitgliedsnumer",
                      "Alte Kundennummer"], definitions)
    assert mapped == {"Vorname": "first_name", "SHOE SIZE": "custom.shoe_size",
                      "Allergien": "custom.allergies", "Mitgliedsnumer": "custom.member_no"}


def test_customer_fields_first_then_the_accounts_then_known_useless_columns() -> None:
    definitions = [_definition("natel", "Natel"), _definition("gender", "Gender")]
    # an account field labelled "Natel" does not take the phone that identifies the person;
    # it is reached by its custom.<key> name (the template's) or by editing the mapping
    assert _mapped(["Vorname", "Natel", "custom.natel", "Gender"], definitions) == {
        "Vorname": "first_name", "Natel": "mobile_phone", "custom.natel": "custom.natel",
        "Gender": "custom.gender"}
    assert _mapped(["Vorname", "Gender"]) == {"Vorname": "first_name"}


def test_edit_and_validate() -> None:
    definitions = [_definition("shoe_size", "Shoe size")]
    mapping = suggest(["Vorname", "Nachname", "Notizen", "Lieblingsfarbe"])
    assert mapping.target_of(3) is None
    mapping = mapping.assign(3, "custom.shoe_size")
    assert mapping.targets() == {0: "first_name", 1: "last_name", 2: "notes",
                                 3: "custom.shoe_size"}
    validate(mapping, definitions)
    mapping = mapping.assign(2, None)
    assert mapping.targets() == {0: "first_name", 1: "last_name", 3: "custom.shoe_size"}
    assert mapping.as_list()[3] == {"index": 3, "header": "Lieblingsfarbe",
                                    "target": "custom.shoe_size", "score": 100.0}
    validate(mapping, definitions)


def test_validation_collects_every_problem() -> None:
    definitions = [_definition("shoe_size", "Shoe size"),
                   _definition("old", "Old", archived=True)]
    mapping = Mapping.from_targets(
        ["A", "B", "C", "D", "E", "F", "G"],
        {0: "first_name", 1: "first_name", 2: "birthday", 3: "custom.nope", 4: "custom.old",
         5: "mobile_phone", 6: "mobile_phone"})
    with pytest.raises(MappingError) as caught:
        validate(mapping, definitions)
    assert [(e.code, e.field) for e in caught.value.errors] == [
        (ImportErrorCode.TARGET_TWICE, "mapping.1"),
        (ImportErrorCode.UNKNOWN_TARGET, "mapping.2"),
        (ImportErrorCode.UNKNOWN_TARGET, "mapping.3"),
        (ImportErrorCode.UNKNOWN_TARGET, "mapping.4"),
    ]
    assert "Columns 1 and 2 both go to 'first_name'" in caught.value.errors[0].message


def test_full_name_with_first_name_conflicts() -> None:
    mapping = Mapping.from_targets(["Name", "Vorname"], {0: "full_name", 1: "first_name"})
    with pytest.raises(MappingError) as caught:
        validate(mapping)
    assert caught.value.codes == [ImportErrorCode.CONFLICTING_TARGETS]


def test_nothing_that_says_who() -> None:
    mapping = Mapping.from_targets(["Firma", "Ort"], {0: "company", 1: "city"})
    with pytest.raises(MappingError) as caught:
        validate(mapping)
    assert caught.value.codes == [ImportErrorCode.NOTHING_MAPPED]
    validate(mapping.assign(0, "email"))


def test_unknown_column() -> None:
    mapping = suggest(["Vorname"])
    with pytest.raises(MappingError) as caught:
        mapping.assign(5, "email")
    assert caught.value.codes == [ImportErrorCode.UNKNOWN_COLUMN]
    with pytest.raises(MappingError):
        Mapping.from_targets(["Vorname"], {-1: "email"})


def test_every_target_has_an_english_header_that_maps_back() -> None:
    for target, header in TARGETS.items():
        assert suggest_one(header).target == target, header


def test_normalise() -> None:
    assert normalise("E-Mail-Adresse") == "email adresse"
    assert normalise("Straße") == "strasse"
    assert normalise("firstName") == "first name"
    assert normalise("Address 1 - Postal Code") == "address 1 postal code"


@pytest.mark.parametrize(("text", "parts"), [
    ("Anna Müller", (None, "Anna", "Müller")),
    ("  Anna   Maria  Müller ", (None, "Anna Maria", "Müller")),
    ("Müller, Anna", (None, "Anna", "Müller")),
    ("Müller-Lüdenscheid, Anna Maria", (None, "Anna Maria", "Müller-Lüdenscheid")),
    ("Ludwig van Beethoven", (None, "Ludwig", "van Beethoven")),
    ("Jean de La Fontaine", (None, "Jean", "de La Fontaine")),
    ("Frau Dr. Anna Müller", ("Frau Dr.", "Anna", "Müller")),
    ("Mme Cécile Favre", ("Mme", "Cécile", "Favre")),
    ("Marco Di Stefano", (None, "Marco", "Di Stefano")),
    ("Maria Grazia Della Valle", (None, "Maria Grazia", "Della Valle")),
    ("Frau Huber", ("Frau", None, "Huber")),
    ("Sig.ra de Luca", ("Sig.ra", None, "de Luca")),
    ("Dott.ssa Giulia Rossi", ("Dott.ssa", "Giulia", "Rossi")),
    ("DUPONT Jean-Luc", (None, "Jean-Luc", "DUPONT")),
    ("Jean DE LA FONTAINE", (None, "Jean", "DE LA FONTAINE")),
    ("BJØRN VAN DIJK", (None, "BJØRN", "VAN DIJK")),
    ("Kıvanç Şahin", (None, "Kıvanç", "Şahin")),
    ("Dr. Anna Müller, MSc", ("Dr.", "Anna", "Müller")),
    ("Anna Müller-Meier, geb. Schmid", (None, "Anna", "Müller-Meier")),
    ("Müller, Dr. Anna", ("Dr.", "Anna", "Müller")),
    ("Anna", (None, "Anna", None)),
    ("Herr", (None, "Herr", None)),
    ("Müller,", (None, None, "Müller")),
    ("", (None, None, None)),
    (None, (None, None, None)),
])
def test_split_full_name(text: str | None, parts: tuple) -> None:
    found = split_full_name(text)
    assert (found.salutation, found.first_name, found.last_name) == parts


@pytest.mark.parametrize(("text", "parts"), [
    ("Rossi Marco", (None, "Marco", "Rossi")),
    ("dal Molin Gian-Luca", (None, "Gian-Luca", "dal Molin")),
    ("Nguyễn Thị Minh Khai", (None, "Thị Minh Khai", "Nguyễn")),
    ("Jean DUPONT", (None, "Jean", "DUPONT")),  # capitals say more than the label's order
])
def test_split_full_name_surname_first(text: str, parts: tuple) -> None:
    found = split_full_name(text, surname_first=True)
    assert (found.salutation, found.first_name, found.last_name) == parts


def test_a_target_that_is_not_text_is_unknown() -> None:
    mapping = Mapping.from_targets(["Vorname", "X"], {0: "first_name", 1: 42})  # type: ignore[dict-item]
    with pytest.raises(MappingError) as caught:
        validate(mapping)
    assert caught.value.codes == [ImportErrorCode.UNKNOWN_TARGET]


def test_a_huge_header_cell_is_compared_by_its_start() -> None:
    assert suggest_one("Vorname" + " " * 10 + "x" * 50_000).target is None
    assert suggest_one("E-Mail" + "\u00a0" * 40_000).target == "email"
