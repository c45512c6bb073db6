"""Sign-in throttling per account: growing delays for the addresses that failed.

Per-address limits alone let an attacker spread guesses at one account over many addresses,
so failures are also counted per account (the email being signed in to, known or not, so the
throttle tells nobody which emails have an account). Delaying everyone once an account is
attacked would let the attacker lock its real user out, so the delay only holds back
addresses that have themselves failed for that account: the right password from an address
with no recent failures for it is always checked at once.

The rule, per account:
- failures are counted, and forgotten `memory` seconds after the last one;
- after `free_failures` failures, an address that has failed for the account waits
  `first_delay * 2 ** (failures - free_failures)` seconds, at most `max_delay`, counted from
  the account's last failure or admitted attempt (so parallel guesses get one slot, not many);
- a successful sign-in clears that address's failures but not the account's count (a user who
  signs in must not hand the attacker a fresh set of free guesses).

With shared counters (Redis) every instance sees the same state; each step is one Lua
script. Without them, or while Redis cannot be reached, this process keeps the state.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from clientele.core.ratelimit import Clock
from clientele.core.shared_counters import SharedCounters

# KEYS[1]: the account's hash (n, failed_at, gate); KEYS[2]: the address's last failure (ms).
# ARGV: now, free failures, first delay, max delay, memory (all times in ms).
_CHECK = """
local now, memory = tonumber(ARGV[1]), tonumber(ARGV[5])
local mark = redis.call('GET', KEYS[2])
if not mark or now - tonumber(mark) >= memory then return 0 end
local state = redis.call('HMGET', KEYS[1], 'n', 'failed_at', 'gate')
if not state[1] or now - tonumber(state[2]) >= memory then return 0 end
local n, free = tonumber(state[1]), tonumber(ARGV[2])
if n < free then return 0 end
local delay = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ math.min(n - free, 40))
local ready = tonumber(state[3]) + delay
if now < ready then return math.ceil(ready - now) end
redis.call('HSET', KEYS[1], 'gate', ARGV[1])
return 0
"""

# Same keys; ARGV: now, memory (ms). Returns the account's failure count.
_FAILED = """
local now, memory = tonumber(ARGV[1]), tonumber(ARGV[2])
local failed_at = redis.call('HGET', KEYS[1], 'failed_at')
if failed_at and now - tonumber(failed_at) >= memory then redis.call('DEL', KEYS[1]) end
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
redis.call('HSET', KEYS[1], 'failed_at', ARGV[1], 'gate', ARGV[1])
redis.call('PEXPIRE', KEYS[1], memory)
redis.call('SET', KEYS[2], ARGV[1], 'PX', memory)
return n
"""

_SUCCEEDED = "return redis.call('DEL', KEYS[1])"


@dataclass(frozen=True)
class Policy:
    free_failures: int = 5
    first_delay: float = 1.0
    max_delay: float = 900.0
    memory: float = 3600.0

    def delay(self, failures: int) -> float:
        if failures < self.free_failures:
            return 0.0
        return min(self.max_delay,
                   self.first_delay * 2 ** min(failures - self.free_failures, 40))


@dataclass
class _Account:
    failures: int
    failed_at: float
    gate: float


class _LocalState:
    """The same rule in this process (no Redis, or Redis unreachable)."""

    def __init__(self, policy: Policy, max_keys: int = 100_000) -> None:
        self.policy = policy
        self.max_keys = max_keys
        self.accounts: dict[str, _Account] = {}
        self.addresses: dict[tuple[str, str], float] = {}

    def check(self, account: str, address: str, now: float) -> float:
        memory = self.policy.memory
        mark = self.addresses.get((account, address))
        state = self.accounts.get(account)
        if mark is None or now - mark >= memory or state is None \
                or now - state.failed_at >= memory:
            return 0.0
        delay = self.policy.delay(state.failures)
        if delay == 0:
            return 0.0
        if now < state.gate + delay:
            return state.gate + delay - now
        state.gate = now
        return 0.0

    def failed(self, account: str, address: str, now: float) -> None:
        state = self.accounts.get(account)
        if state is None or now - state.failed_at >= self.policy.memory:
            state = self.accounts[account] = _Account(0, now, now)
        state.failures += 1
        state.failed_at = state.gate = now
        self.addresses[(account, address)] = now
        if len(self.accounts) + len(self.addresses) > self.max_keys:
            self._forget(now)

    def succeeded(self, account: str, address: str) -> None:
        self.addresses.pop((account, address), None)

    def _forget(self, now: float) -> None:
        memory = self.policy.memory
        self.accounts = {k: s for k, s in self.accounts.items() if now - s.failed_at < memory}
        self.addresses = {k: t for k, t in self.addresses.items() if now - t < memory}


def account_key(email: str) -> str:
    """The account as the throttle knows it: a digest of the email as typed, trimmed and
    lower-cased (no addresses stored in Redis, and one key however it is capitalised)."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


class SigninThrottle:
    def __init__(self, policy: Policy, shared: SharedCounters | None = None,
                 clock: Clock = time.time) -> None:
        self.policy = policy
        self.shared = shared
        self.clock = clock
        self.local = _LocalState(policy)

    def _keys(self, account: str, address: str) -> list[str]:
        assert self.shared is not None
        return [self.shared.key("signin", "account", account),
                self.shared.key("signin", "address", account, address)]

    async def check(self, email: str, address: str) -> float:
        """Seconds this address must wait before its next attempt on `email` (0: go ahead)."""
        account, now = account_key(email), self.clock()
        if self.shared is not None:
            policy = self.policy
            wait_ms = await self.shared.run(_CHECK, self._keys(account, address), [
                _ms(now), policy.free_failures, _ms(policy.first_delay), _ms(policy.max_delay),
                _ms(policy.memory)])
            if wait_ms is not None:
                return int(wait_ms) / 1000
        return self.local.check(account, address, now)

    async def failed(self, email: str, address: str) -> None:
        account, now = account_key(email), self.clock()
        if self.shared is not None and await self.shared.run(
                _FAILED, self._keys(account, address),
                [_ms(now), _ms(self.policy.memory)]) is not None:
            return
        self.local.failed(account, address, now)

    async def succeeded(self, email: str, address: str) -> None:
        account = account_key(email)
        if self.shared is not None:
            await self.shared.run(_SUCCEEDED, self._keys(account, address)[1:], [])
        self.local.succeeded(account, address)


def _ms(seconds: float) -> int:
    return int(seconds * 1000)
