import uuid

import pytest

from clientele.core import ids


def test_round_trip() -> None:
    pk = uuid.uuid4()
    assert ids.decode_as(ids.encode("Customer", pk), "Customer") == pk


@pytest.mark.parametrize("bad", ["", "not base64!", "Zm9v", ids.encode("Customer", "x"), "a" * 300])
def test_malformed_ids_are_rejected(bad: str) -> None:
    with pytest.raises(ids.InvalidGlobalId):
        ids.decode(bad)


def test_wrong_type_is_rejected_with_both_names() -> None:
    appointment_id = ids.encode("Appointment", uuid.uuid4())
    with pytest.raises(ids.InvalidGlobalId, match="Appointment ID, expected a Customer"):
        ids.decode_as(appointment_id, "Customer")
