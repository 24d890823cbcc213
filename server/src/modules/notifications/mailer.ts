import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Account email (password reset links): through SMTP when SMTP_URL is set; otherwise each message
 * is written to the log and to DATA_DIR/outbox/, so a local user of the demo can follow its link.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly outboxDir: string,
    private readonly logger: Logger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  }

  async send(message: MailMessage): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.from, ...message });
      return;
    }
    await mkdir(this.outboxDir, { recursive: true, mode: 0o700 });
    const file = join(this.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.to.replace(/[^a-z0-9@.-]/gi, '_')}.txt`);
    await writeFile(file, `From: ${this.from}\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`, { mode: 0o600 });
    this.logger.info({ to: message.to, subject: message.subject, file }, `email not sent (SMTP_URL is not set): written to ${file}\n${message.text}`);
  }
}
