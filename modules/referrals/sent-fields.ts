const MINUTE = 60_000;

/** When a referral is sent, the answer is due within the minutes the rules set (none: no deadline). */
export function sentFields(respondMin: number | null) {
  const now = new Date();
  return { sentAt: now, answerDueAt: respondMin ? new Date(now.getTime() + respondMin * MINUTE) : null };
}
