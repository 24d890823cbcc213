import { Field, ObjectType } from 'type-graphql';
import { SafeIntScalar } from '../../core/graphql/scalars.js';

@ObjectType({ description: 'How a tenant uses the metering gateway: what is set up, and how much came through it this month.' })
export class GatewayStatus {
  @Field({ description: 'An OPENAI provider credential is set: /gateway/openai/v1 can call OpenAI for this tenant.' }) openaiCredentialSet!: boolean;
  @Field({ description: 'An ELEVENLABS provider credential is set: /gateway/elevenlabs can call ElevenLabs for this tenant.' }) elevenlabsCredentialSet!: boolean;
  @Field({ description: 'A webhook token is set: /gateway/smartflo/call-records accepts this tenant’s call records.' }) webhookTokenSet!: boolean;
  @Field(() => SafeIntScalar, { description: 'Logs this UTC month with source GATEWAY, GATEWAY_ESTIMATED or WEBHOOK (voided ones excluded).' }) callsThisMonth!: number;
}
