export function FieldError({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {text}
    </p>
  );
}
