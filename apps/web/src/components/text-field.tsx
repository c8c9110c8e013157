import type { InputHTMLAttributes, ReactNode } from "react";
import { classNames } from "@/lib/class-names";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "className" | "value" | "onChange">;

/**
 * A label with its controlled text input under it, in the forms' shared style;
 * `onValueChange` gets the typed text. `className` adds to the label (e.g.
 * "min-w-64 flex-1"), `inputClassName` to the input (its width, "font-mono", a
 * background); `children` follow the input inside the label (e.g. a datalist).
 */
export function TextField({
  label,
  className,
  inputClassName = "w-full",
  value,
  onValueChange,
  children,
  ...input
}: InputProps & {
  label: ReactNode;
  className?: string;
  inputClassName?: string;
  value: string;
  onValueChange?: (value: string) => void;
  children?: ReactNode;
}) {
  return (
    <label className={classNames("block", className, "text-sm font-medium text-slate-700")}>
      {label}
      <input
        {...input}
        value={value}
        onChange={onValueChange ? (e) => onValueChange(e.target.value) : undefined}
        className={classNames("mt-1 block", inputClassName, "rounded-md border border-slate-300 px-2 py-1.5 text-sm")}
      />
      {children}
    </label>
  );
}
