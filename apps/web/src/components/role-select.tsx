import { roleLabel, type TenantRole } from "@/lib/roles";

/** "Role": a labelled choice among `roles`, shown as "Owner", "Admin", … */
export function RoleSelect({ roles, value, onChange }: { roles: TenantRole[]; value: TenantRole; onChange: (role: TenantRole) => void }) {
  return (
    <label className="block text-sm font-medium text-slate-700">
      Role
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as TenantRole)}
        className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
