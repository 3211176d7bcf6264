import { defineAction } from "@/lib/actions/define-action";
import { now } from "@/lib/clock";
import { noteSchema } from "../schemas";
import { lockRequest } from "../thread";

/** An internal note of the staff on a request: never shown to the Partner, nor told to anyone (REQ-4). */
export const addRequestNote = defineAction({
  name: "requests.addNote",
  input: noteSchema,
  access: { staff: "desk.view" },
  audit: "request.note_added",
  async handler({ input, tx, actor }) {
    const request = await lockRequest(tx, actor, input.requestId);
    const note = await tx.requestNote.create({
      data: {
        partnerId: request.partnerId,
        requestId: request.id,
        authorId: actor.personId,
        text: input.text,
        createdAt: now(),
      },
      select: { id: true },
    });
    return {
      data: { noteId: note.id },
      // The note's text stays out of the audit row: the Partner reads its own audit log.
      audit: {
        partnerId: request.partnerId,
        targetType: "request",
        targetId: request.id,
        details: { noteId: note.id },
      },
    };
  },
});
