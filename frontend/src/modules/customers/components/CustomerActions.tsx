// "Edit" with a small dropdown arrow beside it; the arrow's menu holds "Delete customer" and, when
// given `onErase`, "Erase personal data".
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useCan } from "../../session/hooks/useSession";

interface Props {
  onEdit: () => void;
  onDelete: () => void;
  /** "Erase personal data" (right to be forgotten); both need delete:customers. */
  onErase?: () => void;
  editing: boolean;
}

export function CustomerActions({ onEdit, onDelete, onErase, editing }: Props) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const arrow = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const canEdit = useCan("EDIT_CUSTOMERS");
  const canDelete = useCan("DELETE_CUSTOMERS");

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) arrow.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      items[event.key === "Home" ? 0 : items.length - 1]?.focus();
    } else if (event.key === "Tab") {
      close(false);
    }
  };

  if (!canEdit && !canDelete) return null;
  return (
    <div className="split-button" ref={root}>
      <button type="button" className="button split-button__main" onClick={onEdit} disabled={editing || !canEdit}>
        Edit
      </button>
      {canDelete && (
        <button
          ref={arrow}
          type="button"
          className="button split-button__arrow"
          aria-label="More actions"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? menuId : undefined}
          onClick={() => setOpen((value) => !value)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              setOpen(true);
            }
          }}
        >
          <span className="caret" aria-hidden="true" />
        </button>
      )}
      {open && canDelete && (
        <ul id={menuId} ref={menu} role="menu" aria-label="More actions" className="menu" onKeyDown={onMenuKey}>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              className="menu__item menu__item--danger"
              onClick={() => {
                close(false);
                onDelete();
              }}
            >
              Delete customer
            </button>
          </li>
          {onErase && (
            <li role="none">
              <button
                type="button"
                role="menuitem"
                className="menu__item menu__item--danger"
                onClick={() => {
                  close(false);
                  onErase();
                }}
              >
                Erase personal data
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
