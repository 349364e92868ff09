import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    font: inherit;
    color: var(--direct-upload-color, inherit);
  }

  :host([hidden]) {
    display: none;
  }

  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    padding: var(--direct-upload-padding, 0.75em);
    border: var(--direct-upload-border, 1px dashed currentColor);
    border-radius: var(--direct-upload-radius, 0.5em);
    background: var(--direct-upload-background, transparent);
  }

  /* Not only a tint: an outline that forced colours keep too. */
  [part='base'].dragging {
    background: var(--direct-upload-drop-background, rgb(0 120 255 / 0.08));
    outline: 2px solid var(--direct-upload-accent, light-dark(#0a66e4, #8ab4f8));
    outline-offset: 2px;
  }

  /* Where there is no mouse to drag with, there is nothing to drop. */
  @media (hover: none) and (pointer: coarse) {
    .hint {
      display: none;
    }
  }

  /* The file input is clicked from the button; the live regions are heard, not seen (the same
     words are on screen in the status). */
  input[type='file'],
  .announce {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  button {
    font: inherit;
    cursor: pointer;
    padding: 0.4em 0.9em;
    border-radius: var(--direct-upload-radius, 0.5em);
    border: 1px solid currentColor;
    background: var(--direct-upload-button-background, transparent);
    color: inherit;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }

  /* A name of any length takes one line; the whole name stays in the text for screen readers. */
  [part='file-name'] {
    font-weight: 600;
    min-width: 0;
    max-width: 100%;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  [part='progress'] {
    flex: 1 1 8em;
    accent-color: var(--direct-upload-accent, light-dark(#0a66e4, #8ab4f8));
  }

  /* A word longer than the line (a long file name in a message) breaks rather than overflows. */
  [part='status'] {
    flex-basis: 100%;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  [part='file-status'] {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  [part='file-list'] {
    flex-basis: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    /* A column as wide as the element, never as wide as the longest name. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.4em;
  }

  [part='file-item'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }

  [part='file-item'] [part='file-name'] {
    flex: 1 1 10em;
    min-width: 0;
  }

  /* Dark or light as the page's color-scheme says (light-dark()), each over 4.5:1 on its usual
     backgrounds; a sign as well as a colour, so an error never shows by colour alone. */
  [part='status'].error,
  [part='file-status'].error {
    color: var(--direct-upload-error-color, light-dark(#b3261e, #ffb4ab));
  }

  [part='status'].error::before,
  [part='file-status'].error::before {
    content: '⚠ ' / '';
  }

  @media (forced-colors: active) {
    [part='base'].dragging {
      outline-color: Highlight;
    }

    button:focus-visible {
      outline: 2px solid Highlight;
    }
  }

  button:focus-visible {
    outline: 2px solid var(--direct-upload-accent, light-dark(#0a66e4, #8ab4f8));
    outline-offset: 2px;
  }
`;
