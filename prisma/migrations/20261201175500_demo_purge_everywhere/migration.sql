-- Request messages and attachments, comments and decisions on shared documents are never edited or
-- removed — except when a demo cabinet past its end is purged whole (docs/architecture.md, Demo
-- cabinets): no real Partner's record is touched.
CREATE OR REPLACE FUNCTION request_message_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' AND demo_purgeable(OLD."partnerId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: a sent message is never edited or deleted', TG_TABLE_NAME;
END;
$$;

CREATE OR REPLACE FUNCTION share_record_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_OP = 'DELETE' AND demo_purgeable(OLD."partnerId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is immutable', TG_TABLE_NAME USING ERRCODE = 'raise_exception';
END;
$$;
