import { Alert } from "@/components/ui/alert";

/** Tells visitors the catalogue is sample data, until operators publish the real one. */
export function SampleNote({ show, text }: { show: boolean; text: string }) {
  if (!show) return null;
  return (
    <Alert tone="warn" className="mt-4">
      {text}
    </Alert>
  );
}
