import { NotFoundCard } from "@/components/errors/not-found-card";

/** A missing or foreign record inside the cabinet: same answer for both, inside the cabinet's frame. */
export default function CabinetNotFound() {
  return <NotFoundCard backHref="/cabinet" backLabel="toCabinet" />;
}
