/** What a form field hands its control: the id to use and the ARIA wiring for hint and error. */
export interface FieldControl {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

/** One problem in an error summary: its words and the id of the control it concerns. */
export interface FieldError {
  targetId: string;
  message: string;
}
