import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation, useNavigate } from "react-router";
import { describe, expect, it } from "vitest";
import { useImmediateSearchParams } from "./useImmediateSearchParams";

function wrapper({ children }: { children: ReactNode }) {
  return <MemoryRouter initialEntries={["/customers?status=ALLOWED"]}>{children}</MemoryRouter>;
}

function useUnderTest() {
  const [params, update] = useImmediateSearchParams();
  return { params, update, location: useLocation(), navigate: useNavigate() };
}

describe("useImmediateSearchParams", () => {
  it("changes at once, and the address follows", () => {
    const { result } = renderHook(useUnderTest, { wrapper });
    expect(result.current.params.get("status")).toBe("ALLOWED");
    act(() => {
      result.current.update((next) => {
        next.append("cf.tier", "gold");
        return next;
      });
      result.current.update((next) => {
        next.append("cf.tier", "silver");
        return next;
      });
    });
    expect(result.current.params.getAll("cf.tier")).toEqual(["gold", "silver"]);
    expect(new URLSearchParams(result.current.location.search).getAll("cf.tier")).toEqual(["gold", "silver"]);
  });

  it("adopts a change of address from outside (Back, a link)", () => {
    const { result } = renderHook(useUnderTest, { wrapper });
    act(() => result.current.navigate("/customers?blocked=true"));
    expect(result.current.params.get("blocked")).toBe("true");
    expect(result.current.params.get("status")).toBeNull();
  });
});
