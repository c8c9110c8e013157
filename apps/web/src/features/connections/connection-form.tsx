"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { errorMessage } from "@/lib/error-message";
import { trpc, type RouterOutputs } from "@/lib/trpc";
import { connectionFieldsFrom, connectionValues, EMPTY_CONNECTION_FIELDS, type ConnectionFields, type PasswordAction } from "./connection-fields";
import { PasswordControl } from "./password-control";

type Connection = RouterOutputs["connections"]["list"][number];

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** "New connection" or "Edit connection <id>": Airflow's fields, the password write-only. */
export function ConnectionForm({
  tenantSlug,
  editing,
  canSetPassword,
  onSaved,
  onCancel,
}: {
  tenantSlug: string;
  editing: Connection | null;
  canSetPassword: boolean;
  /** After a save, with what to tell the user ("Created warehouse (password set)."). */
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const utils = trpc.useUtils();
  const [fields, setFields] = useState<ConnectionFields>(editing ? connectionFieldsFrom(editing) : EMPTY_CONNECTION_FIELDS);
  const [passwordAction, setPasswordAction] = useState<PasswordAction>("keep");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof ConnectionFields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));

  const finish = async (connection: Connection, verb: string) => {
    setPassword("");
    setPasswordAction("keep");
    await utils.connections.list.invalidate({ tenantSlug });
    onSaved(`${verb} ${connection.connId}${connection.hasPassword ? " (password set)" : ""}.`);
  };
  const create = trpc.connections.create.useMutation({
    onSuccess: async (connection) => {
      setFields(EMPTY_CONNECTION_FIELDS);
      await finish(connection, "Created");
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const update = trpc.connections.update.useMutation({
    onSuccess: (connection) => finish(connection, "Saved"),
    onError: (e) => setError(errorMessage(e)),
  });
  const pending = create.isPending || update.isPending;

  const submit = () => {
    setError(null);
    const parsed = connectionValues(fields);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const { connId, ...rest } = parsed.value;
    if (!editing) {
      // A new connection: the password field is optional (empty = none).
      create.mutate({ tenantSlug, connId, ...rest, password: password === "" ? undefined : password });
      return;
    }
    if (passwordAction === "set" && password === "") {
      setError("Type the new password, or choose to keep the current one.");
      return;
    }
    const passwordChange = passwordAction === "set" ? password : passwordAction === "clear" ? null : undefined;
    update.mutate({ tenantSlug, connId: editing.connId, changes: { ...rest, password: passwordChange } });
  };

  return (
    <form
      id="connection-form"
      aria-labelledby="connection-form-heading"
      className={`space-y-3 rounded-xl border bg-white p-4 ${editing ? "border-sky-300 ring-1 ring-sky-200" : "border-slate-200"}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="connection-form-heading" className="text-lg font-semibold">
        {editing ? (
          <>
            Edit connection <span className="font-mono">{editing.connId}</span>
          </>
        ) : (
          "New connection"
        )}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm font-medium text-slate-700">
          Conn id
          <input
            value={fields.connId}
            onChange={set("connId")}
            readOnly={editing !== null}
            required
            placeholder="warehouse"
            autoComplete="off"
            className={`${input} font-mono ${editing ? "bg-slate-100 text-slate-500" : ""}`}
          />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Conn type
          <input value={fields.connType} onChange={set("connType")} required placeholder="postgres" list="conn-types" className={`${input} font-mono`} />
          <datalist id="conn-types">
            {["postgres", "mysql", "http", "https", "aws", "google_cloud_platform", "snowflake", "redis", "sftp", "generic"].map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Host
          <input value={fields.host} onChange={set("host")} placeholder="db.internal" autoComplete="off" className={input} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Port
          <input value={fields.port} onChange={set("port")} inputMode="numeric" placeholder="5432" className={input} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Login
          <input value={fields.login} onChange={set("login")} autoComplete="off" className={input} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Schema
          <input value={fields.schema} onChange={set("schema")} placeholder="analytics" className={input} />
        </label>
      </div>
      <PasswordControl
        editing={editing}
        canSetPassword={canSetPassword}
        action={passwordAction}
        onActionChange={setPasswordAction}
        password={password}
        onPasswordChange={setPassword}
      />
      <label className="block text-sm font-medium text-slate-700">
        Extra (JSON object)
        <textarea
          value={fields.extra}
          onChange={set("extra")}
          rows={3}
          spellCheck={false}
          placeholder='{"sslmode": "require"}'
          className={`${input} font-mono`}
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Description
        <input value={fields.description} onChange={set("description")} placeholder="Optional: what it connects to" className={input} />
      </label>
      <ErrorAlert error={error} />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? "Saving…" : editing ? "Save connection" : "Create connection"}
        </button>
        {editing ? (
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50">
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
