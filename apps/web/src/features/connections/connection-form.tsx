"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { FormCard } from "@/components/form-card";
import { SecondaryButton } from "@/components/secondary-button";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { classNames } from "@/lib/class-names";
import { errorMessage } from "@/lib/error-message";
import { trpc, type RouterOutputs } from "@/lib/trpc";
import { connectionFieldsFrom, connectionValues, EMPTY_CONNECTION_FIELDS, type ConnectionFields, type PasswordAction } from "./connection-fields";
import { PasswordControl } from "./password-control";

type Connection = RouterOutputs["connections"]["list"][number];

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
  const set = (key: keyof ConnectionFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

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
    <FormCard
      id="connection-form"
      headingId="connection-form-heading"
      heading={
        editing ? (
          <>
            Edit connection <span className="font-mono">{editing.connId}</span>
          </>
        ) : (
          "New connection"
        )
      }
      highlighted={editing !== null}
      onSubmit={submit}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Conn id"
          value={fields.connId}
          onValueChange={set("connId")}
          readOnly={editing !== null}
          required
          placeholder="warehouse"
          autoComplete="off"
          inputClassName={classNames("w-full font-mono", editing && "bg-slate-100 text-slate-500")}
        />
        <TextField
          label="Conn type"
          value={fields.connType}
          onValueChange={set("connType")}
          required
          placeholder="postgres"
          list="conn-types"
          inputClassName="w-full font-mono"
        >
          <datalist id="conn-types">
            {["postgres", "mysql", "http", "https", "aws", "google_cloud_platform", "snowflake", "redis", "sftp", "generic"].map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </TextField>
        <TextField label="Host" value={fields.host} onValueChange={set("host")} placeholder="db.internal" autoComplete="off" />
        <TextField label="Port" value={fields.port} onValueChange={set("port")} inputMode="numeric" placeholder="5432" />
        <TextField label="Login" value={fields.login} onValueChange={set("login")} autoComplete="off" />
        <TextField label="Schema" value={fields.schema} onValueChange={set("schema")} placeholder="analytics" />
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
          onChange={(e) => set("extra")(e.target.value)}
          rows={3}
          spellCheck={false}
          placeholder='{"sslmode": "require"}'
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm"
        />
      </label>
      <TextField label="Description" value={fields.description} onValueChange={set("description")} placeholder="Optional: what it connects to" />
      <ErrorAlert error={error} />
      <div className="flex gap-2">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {editing ? "Save connection" : "Create connection"}
        </SubmitButton>
        {editing ? <SecondaryButton onClick={onCancel}>Cancel</SecondaryButton> : null}
      </div>
    </FormCard>
  );
}
