"""The account mutations, one per module; the Mutation root inherits these classes."""

from __future__ import annotations

import strawberry

from clientele.api.accounts.mutations.account_settings_update import account_settings_update
from clientele.api.accounts.mutations.api_token_create import api_token_create
from clientele.api.accounts.mutations.api_token_revoke import api_token_revoke
from clientele.api.accounts.mutations.login import login
from clientele.api.accounts.mutations.logout import logout
from clientele.api.accounts.mutations.role_create import role_create
from clientele.api.accounts.mutations.role_delete import role_delete
from clientele.api.accounts.mutations.role_update import role_update
from clientele.api.accounts.mutations.user_create import user_create
from clientele.api.accounts.mutations.user_update import user_update


@strawberry.type
class AccountMutations:
    """Sign-in, API tokens, staff users and roles."""

    login = login
    logout = logout
    api_token_create = api_token_create
    api_token_revoke = api_token_revoke
    user_create = user_create
    user_update = user_update
    role_create = role_create
    role_update = role_update
    role_delete = role_delete


@strawberry.type
class AccountSettingsMutations:
    """The account's settings (last in the Mutation root, after the calendar's)."""

    account_settings_update = account_settings_update
