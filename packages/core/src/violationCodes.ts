/**
 * Refusal and finding codes with what each means in Chinese. The English message of a violation is
 * written where the rule refuses (it names the step and the facts); a catalogue gives, per code,
 * the sentence a Chinese report shows beside it. Codes never change with the language. The kernel
 * has the codes of stores, readers, time, actors, records, streams and policies; each case type
 * has its own (`CaseType.violations`) and builds its violations only through `violationsOf`, so a
 * code without its text does not compile.
 */
import { type Permission, only } from './actor.js';
import { type RuleId, type ViolationDetails, violation } from './violation.js';

/** Codes with their Chinese sentence. */
export type ViolationTexts = { readonly [code: string]: string };

/** The kernel's codes: what stores, readers, the handler, the history check and policies refuse or find. */
export const kernelViolationTexts = {
  // Stores, reading stored cases, and files of events (what a store or a reader refuses).
  STREAM_DELETED: '该事件流已被删除。',
  APPEND_TOO_LARGE: '一次写入的内容超过了事件库的上限，未写入任何内容。',
  STORE_ACCESS_DENIED: '事件库拒绝访问。',
  STORE_NOT_LEADER: '所连接的事件库节点不是主节点。',
  STORE_UNAVAILABLE: '事件库暂时无法连接。',
  STORE_DEADLINE_EXCEEDED: '事件库未在时限内响应。',
  STORE_FAILURE: '事件库出错。',
  STORE_POSITION_INVALID: '事件库中的位置无效。',
  KEY_STORE_UNAVAILABLE: '密钥库暂时无法连接。',
  KEK_INVALID: '密钥加密密钥无效。',
  KEK_UNAVAILABLE: '密钥加密密钥不可用。',
  KEK_UNKNOWN: '未知的密钥加密密钥。',
  KEK_DOES_NOT_UNWRAP: '密钥加密密钥无法解开客户密钥。',
  KEK_RING_REPEATS_KEY: '同一个密钥加密密钥被重复给出；轮换需要一个不同于所有旧密钥的新密钥。',
  PERSONAL_DATA_KEY_MISSING: '个人资料字段的密钥不存在。',
  PERSONAL_DATA_UNREADABLE: '个人资料字段无法用其密钥解开。',
  PERSONAL_DATA_SUBJECT_ERASED: '该客户的个人资料已被遗忘，不能再写入。',
  PERSONAL_DATA_SUBJECT_UNKNOWN: '找不到该案件的客户。',
  PERSONAL_DATA_SUBJECT_MISMATCH: '事件所载客户与案件客户不一致。',
  PERSONAL_DATA_MISPLACED: '个人资料字段属于另一位客户。',
  PERSONAL_FIELD_NOT_TEXT: '个人资料字段不是文本。',
  STORED_EVENT_UNDECODABLE: '已存储的事件无法识别。',
  UNKNOWN_CASE_CATEGORY: '该事件流的类别不是已登记的案件类型。',
  CASE_NOT_FOUND: '找不到该案件的事件流。',
  CASE_POLICY_PROBLEM: '无法确定该案件适用的政策，期限未能计算。',
  EXPORT_NOT_GROUPED_BY_STREAM: '导出文件中同一事件流的事件不连续；用 caseledger export 导出可使其连续。',
  EXPORT_WOULD_REVEAL_PERSONAL_DATA: '导出会泄露已解密的个人资料，请从加密的事件库导出。',
  JSONL_BAD_LINE: '文件中的一行无法读取。',

  // Shared: time, actors, records, streams, policies (T-1, T-5, T-6, T-9, T-11, T-12).
  INSTANT_BEFORE_PREVIOUS_EVENT: '该步骤的时间早于本案的上一个事件，时间不可倒流。',
  FRONT_OFFICE_ONLY: '该步骤只能由业务部或客服部办理。',
  RETENTION_PERIOD_NOT_OVER: '案件结案未满 3 年，记录不得删除或归档。',
  CASE_NOT_CLOSED: '案件尚未结案，记录不得删除或归档。',
  POLICY_VERSION_UNKNOWN: '记录的政策版本不存在。',
  POLICY_VERSION_NOT_IN_FORCE: '记录的政策版本在该步骤发生时并未生效。',
  POLICY_NOT_IN_FORCE: '该时间没有生效的政策。',
  POLICY_SET_EMPTY: '政策集中没有任何版本。',
  POLICY_VERSION_DUPLICATE: '政策版本重复。',
  POLICY_IN_FORCE_FROM_DUPLICATE: '两个政策版本的生效时间相同。',
  RECORDED_FACT_DIFFERS: '记录的事实与按规则重新计算的结果不一致。',
  EVENT_NOT_DECIDED: '按记录时的规则和政策，该步骤不会被接受。',
  DECIDED_EVENT_MISSING: '按规则，该步骤应产生的事件未被记录。',
  EVENT_WITHOUT_STEP: '该事件只能随其前一步骤一同记录，而前一步骤在此并未产生它。',
  METADATA_CONTRADICTS_EVENT: '事件的元数据（办理人或时间）与事件内容不一致。',
  EVENT_FROM_ANOTHER_STREAM: '该事件属于另一个事件流。',
  SCHEMA_VERSION_MISLABELLED: '事件标注的结构版本与其数据不符：按存储原样读取，未改写。',
  EVENT_ID_IN_TWO_STREAMS: '同一事件编号出现在两个事件流中：事件由另一案件复制或移来。',
  POSITION_OUT_OF_ORDER: '该事件的写入早于流中在它之前的事件：由另一事件流移来或复制而来。',
  EVENT_ID_REPEATED: '事件编号重复出现。',
  REVISION_GAP: '版本号不连续，缺少事件。',
  REVISION_REPEATED: '版本号重复。',
  REVISION_OUT_OF_ORDER: '版本号顺序错乱。',
  STREAM_NOT_A_CASE: '该事件流不是已登记类型的案件。',
  STREAM_REVISION_CONFLICT: '事件流已被他人修改，请重新读取后再办理。',
  CONCURRENCY_CONFLICT: '案件已被他人同时修改，请重新办理。',
  COMMAND_UNDECODABLE: '指令内容无法识别。',
  COMMAND_ID_REUSED: '指令编号已被另一指令使用。',
  EVENT_NOT_SERIALISABLE: '事件内容无法保存为 JSON。',
  COMPANY_RULE_GOVERNS_NOTHING: '公司规则没有约束任何步骤。',
  COMPANY_RULE_ID_DUPLICATE: '公司规则编号重复。',
  COMPANY_RULE_ID_MALFORMED: '公司规则编号格式不正确。',
  COMPANY_RULE_ID_RESERVED: '公司规则不得使用规则手册的编号前缀。',
  COMPANY_RULE_UNKNOWN_STEP: '公司规则约束的步骤不存在。',
  POLICY_VALUES_UNDECODABLE: '政策数值无法识别。',
  CALENDAR_UNDECODABLE: '企业日历无法识别。',
  CALENDAR_UNKNOWN_TIME_ZONE: '企业日历的时区不存在。',
  CALENDAR_NO_WORKING_DAYS: '企业日历中没有工作日。',
  CALENDAR_DAY_BOTH_HOLIDAY_AND_WORKING: '同一天既是节假日又是调休工作日。',
} as const satisfies ViolationTexts;
export type KernelViolationCode = keyof typeof kernelViolationTexts;

/**
 * A case type's codes and the violation constructors that take only them (or the kernel's): a code
 * missing from `texts` does not compile.
 */
/** The codes a catalogue's constructors take: its own and the kernel's. */
export type ViolationCodeOf<T extends ViolationTexts> = (keyof T & string) | KernelViolationCode;

export const violationsOf = <const T extends ViolationTexts>(texts: T) => {
  return {
    texts,
    /** A violation with one of the catalogue's codes. */
    violation: (ruleId: RuleId, code: ViolationCodeOf<T>, message: string, details?: ViolationDetails) => violation(ruleId, code, message, details),
    /** T-6: only the actors a permission admits, refused with one of the catalogue's codes. */
    only: (ruleId: RuleId, code: ViolationCodeOf<T>, permission: Permission, step?: string) => only(ruleId, code, permission, step),
  };
};

/** The kernel's own constructors: the handler, the history check, the retention guard and the time check refuse only with the kernel's codes. */
export const { violation: kernelViolation } = violationsOf({});
