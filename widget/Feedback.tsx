/** @jsxRuntime classic */
/** @jsx h */
import { Component, h } from 'preact';
import type { ViewStrings } from '../src/i18n/widget.ts';

export interface FeedbackProps {
  strings: ViewStrings;
  /** Called once, with the answer; the element fires `pos-faq-feedback`. */
  onAnswer: (helpful: boolean) => void;
}

/**
 * "Did this solve it?" with two buttons labelled in words, at the end of every entry view. Once
 * answered, a thank-you takes the buttons' place (in a polite live region, so it is heard); nothing is
 * sent anywhere: the host counts the event if it wants to.
 */
export class Feedback extends Component<FeedbackProps, { answered?: boolean }> {
  override render() {
    const { strings, onAnswer } = this.props;
    const answer = (helpful: boolean) => {
      this.setState({ answered: true });
      onAnswer(helpful);
    };
    return (
      <div class="pf-feedback" part="feedback" role="group" aria-labelledby="pf-fb">
        <p id="pf-fb" class="pf-fb-q">
          {strings['feedback.question']}
        </p>
        <p aria-live="polite" class="pf-fb-row">
          {this.state.answered
            ? strings['feedback.thanks']
            : [
                <button class="pf-button" part="button" onClick={() => answer(true)}>
                  {strings['feedback.yes']}
                </button>,
                <button class="pf-button" part="button" onClick={() => answer(false)}>
                  {strings['feedback.no']}
                </button>,
              ]}
        </p>
      </div>
    );
  }
}
