"use client";

import { useId } from "react";
import { formatDateTime } from "@/lib/format-time";
import type { PasswordAction } from "./connection-fields";

/**
 * The connection password, write-only: the stored one is never shown. New
 * connections take an optional password; existing ones keep, replace or clear
 * it. Only Admins and Owners may touch it (disabled for Authors, with why).
 */
export function PasswordControl({
  editing,
  canSetPassword,
  action,
  onActionChange,
  password,
  onPasswordChange,
}: {
  editing: { hasPassword: boolean; passwordUpdatedAt: Date | null } | null;
  canSetPassword: boolean;
  action: PasswordAction;
  onActionChange: (action: PasswordAction) => void;
  password: string;
  onPasswordChange: (password: string) => void;
}) {
  const hintId = useId();
  const hint = canSetPassword ? null : (
    <p id={hintId} className="text-xs text-slate-500" data-testid="password-role-hint">
      Setting, replacing or clearing a password needs the Admin role. Save the other fields and ask a tenant admin to set the
      password.
    </p>
  );
  const field = (
    <input
      type="password"
      aria-label="Password"
      value={password}
      onChange={(e) => onPasswordChange(e.target.value)}
      disabled={!canSetPassword}
      aria-describedby={hint ? hintId : undefined}
      autoComplete="new-password"
      placeholder={canSetPassword ? "" : "Admins only"}
      className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-100"
    />
  );

  if (!editing) {
    return (
      <div className="space-y-1">
        <label className="block text-sm font-medium text-slate-700">
          Password <span className="font-normal text-slate-400">(optional, never shown again)</span>
          {field}
        </label>
        {hint}
      </div>
    );
  }

  const options: { value: PasswordAction; label: string }[] = editing.hasPassword
    ? [
        { value: "keep", label: "Keep the current password" },
        { value: "set", label: "Replace the password" },
        { value: "clear", label: "Clear the password" },
      ]
    : [
        { value: "keep", label: "No password" },
        { value: "set", label: "Set a password" },
      ];
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" aria-describedby={hint ? hintId : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-700">Password</legend>
      <p className="text-xs text-slate-500">
        {editing.hasPassword
          ? `A password is set${editing.passwordUpdatedAt ? ` (updated ${formatDateTime(editing.passwordUpdatedAt)})` : ""}; it is never shown.`
          : "This connection has no password."}
      </p>
      <div className="flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-1.5 text-sm">
            <input
              type="radio"
              name="password-action"
              value={option.value}
              checked={action === option.value}
              disabled={!canSetPassword && option.value !== "keep"}
              onChange={() => {
                onActionChange(option.value);
                if (option.value !== "set") onPasswordChange("");
              }}
            />
            {option.label}
          </label>
        ))}
      </div>
      {action === "set" ? <label className="block text-sm font-medium text-slate-700">New password{field}</label> : null}
      {hint}
    </fieldset>
  );
}
