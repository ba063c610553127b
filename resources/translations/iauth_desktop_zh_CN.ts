<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppSettings</name>
    <message>
        <source>the idle time before closing a case cannot be negative</source>
        <translation>关闭空闲案件前的等待时间不能为负数</translation>
    </message>
    <message>
        <source>the case history must keep cases for at least one day</source>
        <translation>案件历史至少须保留案件一天</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>AuditAlarm</name>
    <message>
        <source>The audit log is damaged or cannot be written, so fetching is switched off: nothing may be fetched, revealed or decided without its record. Run “iauth-desktop audit verify” to see which entry is affected, and have the log looked at before going on. Details: {problem}</source>
        <translation>审计日志已损坏或无法写入，获取功能已关闭：没有审计记录，不得获取、显示完整信息或作出决定。请运行“iauth-desktop audit verify”查看受影响的条目，并在继续之前请人检查该日志。详情：{problem}</translation>
    </message>
</context>
<context>
    <name>BundleProblemsDialog</name>
    <message>
        <source>Evidence bundle altered</source>
        <translation>证据包已被改动</translation>
    </message>
    <message>
        <source>TAMPERED: this case no longer matches its manifest</source>
        <translation>已被篡改：此案件与其清单不再一致</translation>
    </message>
    <message>
        <source>The files below changed, went missing or appeared after the bundle was written. The case is shown as it is now; do not rely on it before you know why. Folder: {folder}</source>
        <translation>以下文件在证据包写入后被修改、缺失或新增。案件按当前状态显示；查明原因之前，请勿以此作为依据。文件夹：{folder}</translation>
    </message>
    <message>
        <source>Changed since export:</source>
        <translation>导出后被修改：</translation>
    </message>
    <message>
        <source>Missing:</source>
        <translation>缺失：</translation>
    </message>
    <message>
        <source>Not in the manifest (added later):</source>
        <translation>不在清单中（后来新增）：</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>The video could not be decoded: %1.</source>
        <translation>视频无法解码：%1。</translation>
    </message>
    <message>
        <source>none (not a digits case)</source>
        <translation>无（非数字朗读案件）</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未返回</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>已修改：%1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>缺失：%1</translation>
    </message>
    <message>
        <source>unexpected: %1</source>
        <translation>清单外新增：%1</translation>
    </message>
    <message>
        <source>⚠ This saved case was modified after export — %1</source>
        <translation>⚠ 此已保存案件在导出后被改动 — %1</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Liveness video</source>
        <translation>活体视频</translation>
    </message>
    <message>
        <source>Digits read aloud:</source>
        <translation>朗读数字：</translation>
    </message>
    <message>
        <source>No media requested: the case was fetched as text only.</source>
        <translation>未请求媒体：本案件以“仅文本”方式获取。</translation>
    </message>
</context>
<context>
    <name>CaseWorkflow</name>
    <message>
        <source>The case history is not available: {reason}</source>
        <translation>案件历史不可用：{reason}</translation>
    </message>
    <message>
        <source>The last export {path} is no longer there: fetching the token again.</source>
        <translation>上次的导出 {path} 已不存在：正在重新获取该 Token。</translation>
    </message>
    <message>
        <source>Open or fetch a case first: there is nothing to export.</source>
        <translation>请先打开或获取一个案件：当前没有可导出的内容。</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <source>No profile</source>
        <translation>无配置档案</translation>
    </message>
    <message>
        <source>Profile: {name} · appid {appid}</source>
        <translation>配置档案：{name} · appid {appid}</translation>
    </message>
    <message>
        <source>secure</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>NOT secure</source>
        <translation>不安全</translation>
    </message>
    <message>
        <source>Keyring: {backend} ({state})</source>
        <translation>密钥环：{backend}（{state}）</translation>
    </message>
    <message>
        <source>PRODUCTION endpoint</source>
        <translation>生产环境接口</translation>
    </message>
    <message>
        <source>Test endpoint</source>
        <translation>测试环境接口</translation>
    </message>
    <message>
        <source>Sandbox endpoint</source>
        <translation>沙箱环境接口</translation>
    </message>
    <message>
        <source>Local emulator (loopback)</source>
        <translation>本地模拟器（环回地址）</translation>
    </message>
    <message>
        <source>Custom endpoint</source>
        <translation>自定义接口</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>The service said: “{message}”.</source>
        <translation>服务返回的信息：“{message}”。</translation>
    </message>
    <message>
        <source>Signature accepted: the service answered the test request.</source>
        <translation>签名已通过验证：服务已响应测试请求。</translation>
    </message>
    <message>
        <source>Signature accepted. The service answered code {code} ({meaning}) for the dummy token — the token is unknown, as expected. Credentials and endpoint work.</source>
        <translation>签名已通过验证。服务对测试用的虚拟 token 返回错误码 {code}（{meaning}）——该 token 不存在，符合预期。凭据和接口地址均可用。</translation>
    </message>
    <message>
        <source>Signature rejected (code 3, HTTP_UNAUTHORIZED): the secret key or the appid is wrong for this endpoint, or this computer&apos;s clock is off. Check the secret key, the appid and the system time.</source>
        <translation>签名被拒绝（错误码 3，HTTP_UNAUTHORIZED）：对该接口地址而言密钥或 appid 不正确，或本机时钟不准。请检查密钥、appid 和系统时间。</translation>
    </message>
    <message>
        <source>The service saw no signature (code 4, HTTP_NOT_SIGNATURE). A proxy or gateway between here and the service may be removing the “signature” header.</source>
        <translation>服务未收到签名（错误码 4，HTTP_NOT_SIGNATURE）。本机与服务之间的代理或网关可能删除了“signature”请求头。</translation>
    </message>
    <message>
        <source>Could not reach the service. Check the endpoint URL, the proxy and the CA bundle. Details: {detail}</source>
        <translation>无法连接到服务。请检查接口 URL、代理和 CA 证书。详情：{detail}</translation>
    </message>
    <message>
        <source>The endpoint answered with HTTP status {code} instead of the service&apos;s JSON: check the URL and the proxy. Details: {detail}</source>
        <translation>接口返回了 HTTP 状态码 {code}，而不是服务的 JSON 应答：请检查 URL 和代理。详情：{detail}</translation>
    </message>
    <message>
        <source>Something answered, but not like getdetectinfo.php: is the endpoint URL right? Details: {detail}</source>
        <translation>收到了应答，但不像 getdetectinfo.php 的应答：接口 URL 是否正确？详情：{detail}</translation>
    </message>
    <message>
        <source>The test could not start: {detail}</source>
        <translation>测试无法开始：{detail}</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>测试已取消。</translation>
    </message>
</context>
<context>
    <name>Connections</name>
    <message>
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>(not configured)</source>
        <translation>（未配置）</translation>
    </message>
    <message>
        <source>no credentials are configured</source>
        <translation>尚未配置凭据</translation>
    </message>
</context>
<context>
    <name>ConsistencyView</name>
    <message>
        <source>Consistency checks (advisory: never change the verdict)</source>
        <translation>一致性检查（仅供参考，不改变核验结果）</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>未打开案件。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Check digit</source>
        <translation>校验位</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Card validity</source>
        <translation>证件有效期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
</context>
<context>
    <name>DecisionDock</name>
    <message>
        <source>Decision</source>
        <translation>审核决定</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>J&amp;ustification (required)</source>
        <translation>理由(&amp;U)（必填）</translation>
    </message>
    <message>
        <source>J&amp;ustification</source>
        <translation>理由(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Details (required)</source>
        <translation>说明(&amp;D)（必填）</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <source>Recorded decisions (never edited)</source>
        <translation>已记录的决定（不可修改）</translation>
    </message>
    <message>
        <source>Reject r&amp;eason</source>
        <translation>拒绝原因(&amp;E)</translation>
    </message>
    <message>
        <source>A few words (no ID or phone numbers)</source>
        <translation>简短说明（不要写身份证号或手机号）</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Optional; no full ID or phone numbers</source>
        <translation>选填；不要写完整的身份证号或手机号</translation>
    </message>
    <message>
        <source>Why this case may be approved despite its verdict</source>
        <translation>尽管核验结果如此，为何仍可批准此案件</translation>
    </message>
    <message>
        <source>&amp;Change decision</source>
        <translation>更改决定(&amp;C)</translation>
    </message>
    <message>
        <source>Record a new decision that replaces the latest one (it stays listed)</source>
        <translation>记录一项取代最新决定的新决定（原决定仍保留在列表中）</translation>
    </message>
    <message>
        <source>Record the decision (Ctrl+Enter)</source>
        <translation>记录决定（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>DecisionLabels</name>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>ID mismatch</source>
        <translation>身份证信息不符</translation>
    </message>
    <message>
        <source>ID expired</source>
        <translation>身份证已过期</translation>
    </message>
    <message>
        <source>Liveness doubt</source>
        <translation>活体存疑</translation>
    </message>
    <message>
        <source>Face mismatch</source>
        <translation>人脸不一致</translation>
    </message>
    <message>
        <source>Poor quality</source>
        <translation>质量太差</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>疑似欺诈</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>DecisionList</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>时间（本地）</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Decided at {local} (UTC {utc})</source>
        <translation>决定时间 {local}（UTC {utc}）</translation>
    </message>
    <message>
        <source>Replaces decision #{id}</source>
        <translation>取代决定 #{id}</translation>
    </message>
    <message>
        <source>Replaced by a later decision</source>
        <translation>已被后来的决定取代</translation>
    </message>
    <message>
        <source>Justification: {text}</source>
        <translation>理由：{text}</translation>
    </message>
    <message>
        <source>Notes: {text}</source>
        <translation>备注：{text}</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>This case has no token: a decision cannot be recorded.</source>
        <translation>此案件没有 Token：无法记录决定。</translation>
    </message>
    <message>
        <source>The case history is not available: a decision cannot be recorded.</source>
        <translation>案件历史不可用：无法记录决定。</translation>
    </message>
    <message>
        <source>Not recorded: {reason}</source>
        <translation>未记录：{reason}</translation>
    </message>
    <message>
        <source>Choose Approve, Reject or Escalate.</source>
        <translation>请选择批准、拒绝或上报。</translation>
    </message>
    <message>
        <source>A rejection needs a reason: choose one from the list.</source>
        <translation>拒绝需要原因：请从列表中选择一项。</translation>
    </message>
    <message>
        <source>The reason “Other” needs a few words saying what it is.</source>
        <translation>原因“其他”需要简短说明具体是什么。</translation>
    </message>
    <message>
        <source>The reason details</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>The justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{field} seem to hold a full ID or phone number, which the case history never keeps. Write only the last four digits.</source>
        <translation>{field}中似乎有完整的身份证号或手机号，案件历史从不保存这些号码。请只写最后四位。</translation>
    </message>
    <message>
        <source>{field} hold the person&apos;s full name, which the case history never keeps. Write the masked name ({masked}) instead.</source>
        <translation>{field}中有当事人的完整姓名，案件历史从不保存完整姓名。请改写为遮蔽后的姓名（{masked}）。</translation>
    </message>
    <message>
        <source>This case&apos;s verdict is {verdict}: approving it needs a written justification of at least {count} characters.</source>
        <translation>此案件的核验结果为“{verdict}”：批准它需要填写至少 {count} 个字符的书面理由。</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>未打开案件。</translation>
    </message>
    <message>
        <source>Case {token} — verdict: {verdict}</source>
        <translation>案件 {token} — 核验结果：{verdict}</translation>
    </message>
    <message>
        <source>Reviewer: {name} (change it in Settings)</source>
        <translation>审核人：{name}（可在设置中更改）</translation>
    </message>
    <message>
        <source>&amp;Record change</source>
        <translation>记录更改(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Record decision</source>
        <translation>记录决定(&amp;R)</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>拒绝(&amp;J)</translation>
    </message>
    <message>
        <source>E&amp;scalate</source>
        <translation>上报(&amp;S)</translation>
    </message>
</context>
<context>
    <name>DecisionRecorder</name>
    <message>
        <source>the audit log cannot be written, so no decision can be recorded: {reason}</source>
        <translation>审计日志无法写入，因此不能记录决定：{reason}</translation>
    </message>
    <message>
        <source>the decision was recorded in the case history, but the audit log refused its entry: {reason}</source>
        <translation>决定已记入案件历史，但审计日志拒绝写入相应条目：{reason}</translation>
    </message>
</context>
<context>
    <name>DemoTokenList</name>
    <message>
        <source>Demo cases — click one to fetch it:</source>
        <translation>演示案件 — 单击即可获取：</translation>
    </message>
</context>
<context>
    <name>EndpointField</name>
    <message>
        <source>Test environment</source>
        <translation>测试环境</translation>
    </message>
    <message>
        <source>Sandbox environment</source>
        <translation>沙箱环境</translation>
    </message>
    <message>
        <source>⚠ PRODUCTION — real people&apos;s data</source>
        <translation>⚠ 生产环境 — 真实个人数据</translation>
    </message>
    <message>
        <source>Custom URL (emulator, gateway…)</source>
        <translation>自定义 URL（模拟器、网关…）</translation>
    </message>
    <message>
        <source>https://…/new/cgi-bin/getdetectinfo.php</source>
        <translation>https://…/new/cgi-bin/getdetectinfo.php</translation>
    </message>
    <message>
        <source>⚠ Production: fetched cases are real people&apos;s identity data. Handle them under your organisation&apos;s rules.</source>
        <translation>⚠ 生产环境：获取的案件是真实个人的身份数据，请按所在机构的规定处理。</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Number, birth date and address covered</source>
        <translation>号码、出生日期和住址已遮盖</translation>
    </message>
    <message>
        <source>Withheld while masked: the card could not be placed on its standard layout (%1). Reveal shows it (recorded).</source>
        <translation>脱敏时不显示：无法按证件标准版式定位此图片（%1）。点击“显示”可查看（操作会被记录）。</translation>
    </message>
    <message>
        <source>Not sent by the service.</source>
        <translation>服务未返回。</translation>
    </message>
    <message>
        <source>Could not be decoded: %1.</source>
        <translation>无法解码：%1。</translation>
    </message>
    <message>
        <source>The image could not be decoded (%1, %2 bytes): it is damaged or not an image.</source>
        <translation>图片无法解码（%1，%2 字节）：数据已损坏或不是图片。</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <source>Video frames</source>
        <translation>视频截帧</translation>
    </message>
    <message>
        <source>No media requested: this case was fetched as text only.</source>
        <translation>未请求媒体：本案件以“仅文本”方式获取。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Case {token}</source>
        <translation>案件 {token}</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>正在准备报告…</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>导出失败：{reason}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Choose where to export the case.</source>
        <translation>请选择案件的导出位置。</translation>
    </message>
    <message>
        <source>Say why the evidence is exported (purpose).</source>
        <translation>请说明导出证据的用途。</translation>
    </message>
    <message>
        <source>Say who receives the evidence (recipient).</source>
        <translation>请说明证据的接收方。</translation>
    </message>
    <message>
        <source>Only a .zip can be encrypted: end the name with .zip.</source>
        <translation>只有 .zip 文件可以加密：请让文件名以 .zip 结尾。</translation>
    </message>
    <message>
        <source>Type the password twice.</source>
        <translation>请输入两次密码。</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>两次输入的密码不一致：请重新输入。</translation>
    </message>
    <message>
        <source>The audit log cannot be written, so nothing can be exported: {reason}</source>
        <translation>审计日志无法写入，因此不能导出：{reason}</translation>
    </message>
    <message>
        <source>Replace export</source>
        <translation>替换导出</translation>
    </message>
    <message>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Exported and recorded in the audit log.</source>
        <translation>已导出，并已记入审计日志。</translation>
    </message>
    <message>
        <source>internal error (details are in the log)</source>
        <translation>内部错误（详情见日志）</translation>
    </message>
    <message>
        <source>Export failed, nothing was written: {reason}</source>
        <translation>导出失败，未写入任何内容：{reason}</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>导出已取消：未写入任何内容。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export into a new folder in</source>
        <translation>导出到以下位置的新文件夹中</translation>
    </message>
    <message>
        <source>Export to a zip file</source>
        <translation>导出为 zip 文件</translation>
    </message>
    <message>
        <source>Zip (*.zip)</source>
        <translation>Zip 文件 (*.zip)</translation>
    </message>
</context>
<context>
    <name>ExportForm</name>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>SHA-256: {digest}</source>
        <translation>SHA-256：{digest}</translation>
    </message>
    <message>
        <source>Export case</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <source>&amp;Export to</source>
        <translation>导出到(&amp;E)</translation>
    </message>
    <message>
        <source>a new folder, or a file ending in .zip</source>
        <translation>新文件夹，或以 .zip 结尾的文件</translation>
    </message>
    <message>
        <source>&amp;Folder…</source>
        <translation>文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Zip file…</source>
        <translation>Zip 文件(&amp;Z)…</translation>
    </message>
    <message>
        <source>Protect the zip with a &amp;password (AES-256)</source>
        <translation>用密码保护 zip 文件(&amp;P)（AES-256）</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;onfirm password</source>
        <translation>确认密码(&amp;O)</translation>
    </message>
    <message>
        <source>never stored</source>
        <translation>从不保存</translation>
    </message>
    <message>
        <source>By default the export is a summary: the masked report, the evidence manifest (file names, sizes, SHA-256) and the case&apos;s audit entries. It holds no full identity value and cannot reopen the case.</source>
        <translation>默认导出摘要：脱敏报告、证据清单（文件名、大小、SHA-256）以及本案件的审计记录。摘要不含任何完整身份信息，无法用于重新打开案件。</translation>
    </message>
    <message>
        <source>Export the &amp;evidence: the bundle and the report with full identity values</source>
        <translation>导出证据(&amp;E)：证据包及含完整身份信息的报告</translation>
    </message>
    <message>
        <source>The evidence leaves as a password-protected AES-256 zip unless you untick the password. The purpose, the recipient and the choice are recorded in the audit log.</source>
        <translation>证据将以密码保护的 AES-256 zip 导出，除非您取消密码选项。用途、接收方和此选择都会记入审计日志。</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>用途(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation>接收方(&amp;R)</translation>
    </message>
    <message>
        <source>who receives the evidence</source>
        <translation>证据的接收方</translation>
    </message>
    <message>
        <source>Audit request</source>
        <translation>审计要求</translation>
    </message>
    <message>
        <source>Regulator request</source>
        <translation>监管要求</translation>
    </message>
    <message>
        <source>Fraud investigation</source>
        <translation>欺诈调查</translation>
    </message>
    <message>
        <source>Legal proceedings</source>
        <translation>法律程序</translation>
    </message>
    <message>
        <source>choose or type why</source>
        <translation>选择或输入用途</translation>
    </message>
    <message>
        <source>Written to:</source>
        <translation>已写入：</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
</context>
<context>
    <name>ExportReopen</name>
    <message>
        <source>Encrypted export</source>
        <translation>加密的导出</translation>
    </message>
    <message>
        <source>Password of {name} (wrong password: asked again):</source>
        <translation>{name} 的密码（密码错误时会再次询问）：</translation>
    </message>
    <message>
        <source>Reopen from export</source>
        <translation>从导出重新打开</translation>
    </message>
    <message>
        <source>The export {path} could not be opened.</source>
        <translation>无法打开导出 {path}。</translation>
    </message>
</context>
<context>
    <name>FetchController</name>
    <message>
        <source>The fetch cannot be recorded in the audit log, so nothing is fetched or shown ({reason}). Run “iauth-desktop audit verify” to see what is wrong.</source>
        <translation>此次获取无法记入审计日志，因此不获取也不显示任何内容（{reason}）。请运行“iauth-desktop audit verify”查看问题所在。</translation>
    </message>
    <message>
        <source>Internal error: the fetch stopped unexpectedly (details are in the log).</source>
        <translation>内部错误：获取意外中止（详情见日志）。</translation>
    </message>
    <message>
        <source>The service answered error code {code} ({name}): {meaning}</source>
        <translation>服务返回错误码 {code}（{name}）：{meaning}</translation>
    </message>
    <message>
        <source>the service said: {message}</source>
        <translation>服务返回信息：{message}</translation>
    </message>
    <message>
        <source>This token has expired (tokens are kept about 3 days); reopen it from an export instead.</source>
        <translation>此 Token 已过期（Token 仅保留约 3 天）；请改为从导出重新打开该案件。</translation>
    </message>
    <message>
        <source>Network or service problem</source>
        <translation>网络或服务问题</translation>
    </message>
    <message>
        <source>Decryption failed</source>
        <translation>解密失败</translation>
    </message>
    <message>
        <source>Configuration problem</source>
        <translation>配置问题</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{problem}: {details}</source>
        <translation>{problem}：{details}</translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <source>Other fields (not in the integration document)</source>
        <translation>其他字段（接入文档未列出）</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>（未返回）</translation>
    </message>
    <message>
        <source>The service did not send this field.</source>
        <translation>服务未返回此字段。</translation>
    </message>
    <message>
        <source>Masked. Use Reveal to show the full value (the reveal is recorded).</source>
        <translation>已脱敏。点击“显示”可查看完整值（显示操作会被记录）。</translation>
    </message>
</context>
<context>
    <name>FieldsTable</name>
    <message>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>复制键名</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <source>Show the selected masked value in full (asks why; recorded) — Ctrl+R</source>
        <translation>完整显示所选的脱敏信息（需说明原因；操作会被记录）— Ctrl+R</translation>
    </message>
    <message>
        <source>Mask the selected value again — Ctrl+R</source>
        <translation>重新对所选值脱敏 — Ctrl+R</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Case history</source>
        <translation>案件历史</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>token or masked name</source>
        <translation>Token 或遮蔽后的姓名</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>决定(&amp;D)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open the case from its last evidence export, or fetch its token again</source>
        <translation>从最近一次证据导出中打开案件，或重新获取其令牌</translation>
    </message>
    <message>
        <source>Cases shown: {count}</source>
        <translation>显示的案件：{count}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Fetched at (local)</source>
        <translation>获取时间（本地）</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Name (masked)</source>
        <translation>姓名（已遮蔽）</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <source>Latest decision</source>
        <translation>最新决定</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Decided at {time}</source>
        <translation>决定时间 {time}</translation>
    </message>
</context>
<context>
    <name>ImageTile</name>
    <message>
        <source>possibly damaged</source>
        <translation>可能已损坏</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show the whole card image (asks why; recorded in the audit log)</source>
        <translation>显示完整证件图片（需说明原因；记入审计日志）</translation>
    </message>
    <message>
        <source>Cover the number, birth date and address again</source>
        <translation>重新遮盖号码、出生日期和住址</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the viewer.</source>
        <translation>双击或按 Enter 键打开查看器。</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Zoom %1 %</source>
        <translation>缩放 %1 %</translation>
    </message>
    <message>
        <source>Rotated %1°</source>
        <translation>已旋转 %1°</translation>
    </message>
    <message>
        <source>Image viewer — %1</source>
        <translation>图片查看器 — %1</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <source>Compare with ID front</source>
        <translation>与身份证正面比对</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Issuing authority</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <source>Valid period</source>
        <translation>有效期限</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Digits read aloud</source>
        <translation>朗读数字</translation>
    </message>
    <message>
        <source>Final result code</source>
        <translation>最终结果码</translation>
    </message>
    <message>
        <source>Liveness code</source>
        <translation>活体检测结果码</translation>
    </message>
    <message>
        <source>Compare code</source>
        <translation>人脸比对结果码</translation>
    </message>
    <message>
        <source>ID card front</source>
        <translation>身份证正面</translation>
    </message>
    <message>
        <source>ID card back</source>
        <translation>身份证反面</translation>
    </message>
    <message>
        <source>Portrait from the ID card</source>
        <translation>证件头像</translation>
    </message>
    <message>
        <source>Liveness video</source>
        <translation>活体视频</translation>
    </message>
    <message>
        <source>Video frame %1</source>
        <translation>视频截帧 %1</translation>
    </message>
    <message>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token 校验</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>ID card OCR</source>
        <translation>身份证 OCR 识别</translation>
    </message>
    <message>
        <source>liveness (digits)</source>
        <translation>活体检测（数字朗读）</translation>
    </message>
    <message>
        <source>liveness (action)</source>
        <translation>活体检测（动作）</translation>
    </message>
    <message>
        <source>liveness</source>
        <translation>活体检测</translation>
    </message>
    <message>
        <source>face compare</source>
        <translation>人脸比对</translation>
    </message>
    <message>
        <source>ID database</source>
        <translation>权威库身份核验</translation>
    </message>
    <message>
        <source>hybrid 1:1 compare</source>
        <translation>混合 1:1 比对</translation>
    </message>
    <message>
        <source>WeChat real name</source>
        <translation>微信实名</translation>
    </message>
    <message>
        <source>unknown stage</source>
        <translation>未知环节</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>first verification</source>
        <translation>首次核验</translation>
    </message>
    <message>
        <source>second verification</source>
        <translation>二次核验</translation>
    </message>
    <message>
        <source>verification type not given</source>
        <translation>未提供核验类型</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open case folder…</source>
        <translation>打开案件文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>关闭案件(&amp;C)</translation>
    </message>
    <message>
        <source>Close the case and drop its decrypted data from memory</source>
        <translation>关闭案件，并从内存中清除其解密数据</translation>
    </message>
    <message>
        <source>&amp;Export case…</source>
        <translation>导出案件(&amp;E)…</translation>
    </message>
    <message>
        <source>Case &amp;history…</source>
        <translation>案件历史(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Signature inspector…</source>
        <translation>签名检查器(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <source>Go to &amp;token field</source>
        <translation>转到 Token 输入框(&amp;T)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>iauth-desktop {version} — verification review</source>
        <translation>iauth-desktop {version} — 核验复核</translation>
    </message>
    <message>
        <source>Demo cases</source>
        <translation>演示案件</translation>
    </message>
    <message>
        <source>Fetch cancelled.</source>
        <translation>已取消获取。</translation>
    </message>
    <message>
        <source>Case closed.</source>
        <translation>案件已关闭。</translation>
    </message>
    <message>
        <source>The case was closed after {minutes} idle minutes.</source>
        <translation>案件空闲 {minutes} 分钟后已自动关闭。</translation>
    </message>
</context>
<context>
    <name>MessageStrip</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>OpenCase</name>
    <message>
        <source>{folder} is a summary export: it holds no evidence, so it cannot reopen a case. Open an evidence export (Export → Export the evidence) instead.</source>
        <translation>{folder} 是摘要导出：不含证据，无法重新打开案件。请改为打开证据导出（导出 → 导出证据）。</translation>
    </message>
    <message>
        <source>cannot read the folder {folder}: {reason}</source>
        <translation>无法读取文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>Open case folder</source>
        <translation>打开案件文件夹</translation>
    </message>
    <message>
        <source>Reading and checking {folder}…</source>
        <translation>正在读取并校验 {folder}…</translation>
    </message>
    <message>
        <source>internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>The folder {folder} could not be opened as a case.</source>
        <translation>无法将文件夹 {folder} 作为案件打开。</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Edit profile</source>
        <translation>编辑配置档案</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>添加配置档案</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>接口地址(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;App ID</source>
        <translation>appid(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Secret key</source>
        <translation>密钥(&amp;S)</translation>
    </message>
    <message>
        <source>AES &amp;result key</source>
        <translation>AES 结果密钥(&amp;R)</translation>
    </message>
    <message>
        <source>letters, digits, - _ .</source>
        <translation>字母、数字、- _ .</translation>
    </message>
    <message>
        <source>leave blank to keep the stored key</source>
        <translation>留空则保留已存储的密钥</translation>
    </message>
    <message>
        <source>exactly 32 characters</source>
        <translation>必须恰好 32 个字符</translation>
    </message>
    <message>
        <source>stored in keyring</source>
        <translation>已存入密钥环</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>未存储</translation>
    </message>
    <message>
        <source>Keyring: {backend}</source>
        <translation>密钥环：{backend}</translation>
    </message>
    <message>
        <source>Keyring: {backend} — secrets cannot be saved: {why}</source>
        <translation>密钥环：{backend} — 无法保存密钥：{why}</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>A profile named “{name}” already exists.</source>
        <translation>名为“{name}”的配置档案已存在。</translation>
    </message>
    <message>
        <source>Nothing was saved: secrets are never stored outside a secure keyring. {why}</source>
        <translation>未保存任何内容：密钥只会存放在安全的密钥环中。{why}</translation>
    </message>
    <message>
        <source>The AES result key must be exactly 32 characters; the one entered has {count}. Nothing was saved.</source>
        <translation>AES 结果密钥必须恰好为 32 个字符，当前输入为 {count} 个。未保存任何内容。</translation>
    </message>
    <message>
        <source>Enter the appid and the secret key to test.</source>
        <translation>请先输入 appid 和密钥再测试。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>appid</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Secrets are kept in the OS keyring: {backend}.</source>
        <translation>密钥保存在操作系统密钥环中：{backend}。</translation>
    </message>
    <message>
        <source>Keyring backend {backend} is not secure; secrets cannot be saved: {why}</source>
        <translation>密钥环后端 {backend} 不安全，无法保存密钥：{why}</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试环境</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>沙箱环境</translation>
    </message>
    <message>
        <source>⚠ PRODUCTION</source>
        <translation>⚠ 生产环境</translation>
    </message>
    <message>
        <source>local: {host}</source>
        <translation>本地：{host}</translation>
    </message>
    <message>
        <source>custom: {host}</source>
        <translation>自定义：{host}</translation>
    </message>
    <message>
        <source>✔ default</source>
        <translation>✔ 默认</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除配置档案</translation>
    </message>
    <message>
        <source>Remove profile “{name}” and its secrets from the keyring?</source>
        <translation>删除配置档案“{name}”，并从密钥环中删除其密钥？</translation>
    </message>
</context>
<context>
    <name>PurposeDialog</name>
    <message>
        <source>Why reveal?</source>
        <translation>为何显示？</translation>
    </message>
    <message>
        <source>Showing or copying a masked value is recorded in the audit log with its purpose. The purpose is asked once for this case.</source>
        <translation>显示或复制脱敏信息会连同用途记入审计日志。本案件只需说明一次用途。</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>用途(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <source>optional; no numbers from the case</source>
        <translation>可选；请勿填写案件中的号码</translation>
    </message>
    <message>
        <source>Compare with the card</source>
        <translation>与证件核对</translation>
    </message>
    <message>
        <source>Check with the customer</source>
        <translation>与客户核实</translation>
    </message>
    <message>
        <source>Fraud investigation</source>
        <translation>欺诈调查</translation>
    </message>
    <message>
        <source>Supervisor request</source>
        <translation>主管要求</translation>
    </message>
    <message>
        <source>Leave numbers from the case out of the details: they go into the log.</source>
        <translation>说明中请勿包含案件中的号码：说明会写入审计日志。</translation>
    </message>
    <message>
        <source>The details are too long.</source>
        <translation>说明太长。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>the proxy URL is not usable: {reason}</source>
        <translation>代理 URL 无法使用：{reason}</translation>
    </message>
    <message>
        <source>the proxy must be an http:// or https:// URL with a host, e.g. http://proxy:3128</source>
        <translation>代理必须是带主机名的 http:// 或 https:// URL，例如 http://proxy:3128</translation>
    </message>
    <message>
        <source>a proxy user name or password would be stored in plain text: set HTTPS_PROXY in the environment instead, or use a proxy that authenticates the machine</source>
        <translation>代理用户名或密码会以明文保存：请改为在环境变量中设置 HTTPS_PROXY，或使用按机器认证的代理</translation>
    </message>
    <message>
        <source>the CA bundle {path} does not exist or is not a file</source>
        <translation>CA 证书 {path} 不存在或不是文件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置档案</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>代理(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;CA bundle</source>
        <translation>CA 证书(&amp;C)</translation>
    </message>
    <message>
        <source>none (use HTTPS_PROXY if set), e.g. http://proxy.corp:3128</source>
        <translation>不使用（如已设置 HTTPS_PROXY 则使用它），例如 http://proxy.corp:3128</translation>
    </message>
    <message>
        <source>none (system certificates), or a PEM file</source>
        <translation>不指定（使用系统证书），或选择 PEM 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>For corporate networks that inspect HTTPS: name the proxy and the PEM file of the company&apos;s root certificate. Certificates are always verified. A proxy password is not accepted here: it would be stored in plain text.</source>
        <translation>适用于会检查 HTTPS 流量的企业网络：请填写代理以及公司根证书的 PEM 文件。证书始终会被校验。此处不接受代理密码，因为它会以明文保存。</translation>
    </message>
    <message>
        <source>Close an &amp;idle case after</source>
        <translation>空闲案件自动关闭(&amp;I)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Choose the CA bundle</source>
        <translation>选择 CA 证书文件</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Not saved: the audit log cannot record it: {reason}</source>
        <translation>未保存：审计日志无法记录此项：{reason}</translation>
    </message>
</context>
<context>
    <name>SignatureInspector</name>
    <message>
        <source>Signature inspector</source>
        <translation>签名检查器</translation>
    </message>
    <message>
        <source>Paste a request signature (the “signature” header&apos;s value):</source>
        <translation>粘贴请求签名（“signature”请求头的值）：</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>appid</translation>
    </message>
    <message>
        <source>apiName</source>
        <translation>apiName</translation>
    </message>
    <message>
        <source>Signed text</source>
        <translation>签名原文</translation>
    </message>
    <message>
        <source>Signed at (UTC)</source>
        <translation>签名时间（UTC）</translation>
    </message>
    <message>
        <source>Signed at (local)</source>
        <translation>签名时间（本地）</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效时长</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Secret key check</source>
        <translation>密钥校验</translation>
    </message>
    <message>
        <source>Not a signature: {reason}</source>
        <translation>不是有效的签名：{reason}</translation>
    </message>
    <message>
        <source>{seconds} s ({duration})</source>
        <translation>{seconds} 秒（{duration}）</translation>
    </message>
    <message>
        <source>valid — expires in {duration}</source>
        <translation>有效 — {duration} 后过期</translation>
    </message>
    <message>
        <source>signed {duration} ahead of this computer&apos;s clock (clock skew?)</source>
        <translation>签名时间比本机时钟超前 {duration}（时钟偏差？）</translation>
    </message>
    <message>
        <source>EXPIRED {duration} ago</source>
        <translation>已过期 {duration}</translation>
    </message>
    <message>
        <source>not checked — no secret key is configured for the current profile</source>
        <translation>未校验 — 当前配置档案未配置密钥</translation>
    </message>
    <message>
        <source>✖ DOES NOT VERIFY against the current profile&apos;s secret key: made with another key, or altered</source>
        <translation>✖ 当前配置档案的密钥验证不通过：签名由其他密钥生成，或已被篡改</translation>
    </message>
    <message>
        <source>✔ verifies against the current profile&apos;s secret key</source>
        <translation>✔ 当前配置档案的密钥验证通过</translation>
    </message>
    <message>
        <source>✔ verifies against the current profile&apos;s secret key (but it has expired)</source>
        <translation>✔ 当前配置档案的密钥验证通过（但签名已过期）</translation>
    </message>
    <message>
        <source>note: the current profile&apos;s appid is {appid}</source>
        <translation>注意：当前配置档案的 appid 为 {appid}</translation>
    </message>
</context>
<context>
    <name>TokenBar</name>
    <message>
        <source>&amp;Token:</source>
        <translation>Token(&amp;T)：</translation>
    </message>
    <message>
        <source>Paste the token (Ctrl+L)</source>
        <translation>粘贴 Token（Ctrl+L）</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置档案(&amp;P)：</translation>
    </message>
    <message>
        <source>Full evidence</source>
        <translation>完整证据</translation>
    </message>
    <message>
        <source>Text only (fast)</source>
        <translation>仅文本（快速）</translation>
    </message>
    <message>
        <source>Text only skips the images and the video</source>
        <translation>“仅文本”不获取图片和视频</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>获取</translation>
    </message>
    <message>
        <source>Fetch the case (Enter)</source>
        <translation>获取案件（Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop fetching (Esc)</source>
        <translation>停止获取（Esc）</translation>
    </message>
    <message>
        <source>{received} of {total}</source>
        <translation>{received} / {total}</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Code field</source>
        <translation>结果码字段</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>结果码</translation>
    </message>
    <message>
        <source>Meaning (Chinese)</source>
        <translation>含义（中文）</translation>
    </message>
    <message>
        <source>Meaning (English)</source>
        <translation>含义（英文）</translation>
    </message>
    <message>
        <source>Service&apos;s message</source>
        <translation>服务返回信息</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>未打开案件</translation>
    </message>
    <message>
        <source>Fetch a token or open a saved case.</source>
        <translation>请获取 Token，或打开已保存的案件。</translation>
    </message>
    <message>
        <source>similarity (%1): %2 — not a number</source>
        <translation>相似度（%1）：%2 — 不是数字</translation>
    </message>
    <message>
        <source>similarity (%1): %2</source>
        <translation>相似度（%1）：%2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of failed stages</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Failed at: %1</source>
        <translation>未通过环节：%1</translation>
    </message>
    <message>
        <source>The answer has no final result code (%1): not passed.</source>
        <translation>应答中没有最终结果码（%1）：不视为通过。</translation>
    </message>
    <message>
        <source>A result code is not a number: the case cannot count as passed.</source>
        <translation>有结果码不是数字：该案件不能视为通过。</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未返回</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
</context>
<context>
    <name>VideoControls</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格键）</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Previous frame (Left arrow)</source>
        <translation>上一帧（左方向键）</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <source>Next frame (Right arrow)</source>
        <translation>下一帧（右方向键）</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>视频播放位置</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <source>0.5×</source>
        <translation>0.5×</translation>
    </message>
    <message>
        <source>1×</source>
        <translation>1×</translation>
    </message>
    <message>
        <source>2×</source>
        <translation>2×</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>No video in this case</source>
        <translation>此案件没有视频</translation>
    </message>
    <message>
        <source>Loading the video…</source>
        <translation>正在加载视频…</translation>
    </message>
    <message>
        <source>the file holds sound but no picture</source>
        <translation>文件只有声音，没有画面</translation>
    </message>
    <message>
        <source>the data is not a video format this application can decode</source>
        <translation>数据不是本程序能解码的视频格式</translation>
    </message>
    <message>
        <source>the video data is damaged or incomplete ({detail})</source>
        <translation>视频数据已损坏或不完整（{detail}）</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>The video could not be played: {reason}</source>
        <translation>视频无法播放：{reason}</translation>
    </message>
    <message>
        <source>Liveness video</source>
        <translation>活体视频</translation>
    </message>
</context>
<context>
    <name>WorkflowSettingsRows</name>
    <message>
        <source>the reviewer&apos;s name must not hold an ID or phone number</source>
        <translation>审核人姓名中不得包含身份证号或手机号</translation>
    </message>
    <message>
        <source>&amp;Reviewer</source>
        <translation>审核人(&amp;R)</translation>
    </message>
    <message>
        <source>{name} (the computer&apos;s user name)</source>
        <translation>{name}（本机用户名）</translation>
    </message>
    <message>
        <source>&amp;Keep reviewed cases for</source>
        <translation>已审核案件保留(&amp;K)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>The reviewer&apos;s name signs every decision and audit entry. Cases older than this are removed from the case history at start-up (the purge is audited); the audit log itself is never shortened.</source>
        <translation>审核人姓名会署在每项决定和每条审计记录上。超过保留期限的案件会在启动时从案件历史中删除（删除操作会记入审计日志）；审计日志本身永不删减。</translation>
    </message>
</context>
</TS>
