<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddTokensDialog</name>
    <message>
        <source>Add tokens to the queue</source>
        <translation>向队列添加Token</translation>
    </message>
    <message>
        <source>Paste tokens, one per line, or a CSV with a “token” column (optional “created_at”, “priority”). They are fetched with: {origin}.</source>
        <translation>粘贴Token（每行一个），或含“token”列的 CSV（可选“created_at”“priority”列）。将使用以下配置档案拉取：{origin}。</translation>
    </message>
    <message>
        <source>Tokens to queue</source>
        <translation>要排队的Token</translation>
    </message>
    <message>
        <source>&amp;Import a TXT or CSV file…</source>
        <translation>导入 TXT 或 CSV 文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import tokens from a file</source>
        <translation>从文件导入Token</translation>
    </message>
    <message>
        <source>Import tokens</source>
        <translation>导入Token</translation>
    </message>
    <message>
        <source>Token lists (*.txt *.csv);;All (*)</source>
        <translation>Token列表 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text.</source>
        <translation>{name} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is too large for a token list.</source>
        <translation>{name} 太大，不像Token列表。</translation>
    </message>
    <message>
        <source>There is no token to queue.</source>
        <translation>没有可排队的Token。</translation>
    </message>
</context>
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
    <name>AttemptsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>活体</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比对</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>计费</translation>
    </message>
    <message>
        <source>service says:</source>
        <translation>服务方说明：</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>billed</source>
        <translation>已计费</translation>
    </message>
    <message>
        <source>not billed</source>
        <translation>未计费</translation>
    </message>
</context>
<context>
    <name>AttemptsView</name>
    <message>
        <source>Identity document: %1</source>
        <translation>身份证件：%1</translation>
    </message>
    <message>
        <source>⚠ %1: %2 %3 — %4</source>
        <translation>⚠ %1：%2 %3 — %4</translation>
    </message>
    <message>
        <source>Liveness attempts (%1)</source>
        <translation>活体尝试（%1 次）</translation>
    </message>
    <message>
        <source>Liveness attempts</source>
        <translation>活体尝试</translation>
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
        <source>Video %1 of %2 (%3)</source>
        <translation>视频 %1 / %2（%3）</translation>
    </message>
    <message>
        <source>The video could not be decoded: %1.</source>
        <translation>视频无法解码：%1。</translation>
    </message>
    <message>
        <source>none — action liveness</source>
        <translation>无 — 动作活体</translation>
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
        <source>Which liveness video plays</source>
        <translation>播放哪一段活体视频</translation>
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
    <name>ClaimBar</name>
    <message>
        <source>the lease could not be renewed</source>
        <translation>租约无法续期</translation>
    </message>
    <message>
        <source>Give &amp;back</source>
        <translation>退回(&amp;B)</translation>
    </message>
    <message>
        <source>Release the case to the queue undecided</source>
        <translation>不作决定，将案件退回队列</translation>
    </message>
    <message>
        <source>Give the claimed case back</source>
        <translation>退回已领取的案件</translation>
    </message>
    <message>
        <source>A&amp;gree</source>
        <translation>同意(&amp;G)</translation>
    </message>
    <message>
        <source>Agree with the first decision</source>
        <translation>同意第一次决定</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Confirmation note</source>
        <translation>确认备注</translation>
    </message>
    <message>
        <source>{token}: decided, awaiting a second reviewer (the four-eyes rule).</source>
        <translation>{token}：已决定，等待第二位审核员确认（四眼原则）。</translation>
    </message>
    <message>
        <source>{token}: decided.</source>
        <translation>{token}：已决定。</translation>
    </message>
    <message>
        <source>Next case: Ctrl+N.</source>
        <translation>下一个案件：Ctrl+N。</translation>
    </message>
    <message>
        <source>the lease ran out</source>
        <translation>租约已到期</translation>
    </message>
    <message>
        <source>Your claim on {token} is lost ({why}). The case went back to the queue and the decision panel will not record. Press Next case to claim again.</source>
        <translation>您对 {token} 的领取已失效（{why}）。案件已回到队列，决定面板不会记录。请按“下一个案件”重新领取。</translation>
    </message>
    <message>
        <source>Confirming {token}</source>
        <translation>正在确认 {token}</translation>
    </message>
    <message>
        <source>Claimed {token}</source>
        <translation>已领取 {token}</translation>
    </message>
    <message>
        <source>{kind} — yours until {until} ({left} left), renewed while you work.</source>
        <translation>{kind} — 归您处理至 {until}（剩余 {left}），工作期间自动续期。</translation>
    </message>
    <message>
        <source>The first decision could not be read.</source>
        <translation>无法读取第一次决定。</translation>
    </message>
    <message>
        <source>First decision by {reviewer}: {decision}.</source>
        <translation>{reviewer} 的第一次决定：{decision}。</translation>
    </message>
    <message>
        <source>Justification: {text}</source>
        <translation>理由：{text}</translation>
    </message>
    <message>
        <source>Notes: {text}</source>
        <translation>备注：{text}</translation>
    </message>
    <message>
        <source>To overturn it, record your own decision (Change decision).</source>
        <translation>如要推翻，请记录您自己的决定（更改决定）。</translation>
    </message>
</context>
<context>
    <name>CompactAttemptsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>结果码</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Liveness: %1</source>
        <translation>活体：%1</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>比对：%1</translation>
    </message>
    <message>
        <source>similarity %1</source>
        <translation>相似度 %1</translation>
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
    <name>DashboardCharts</name>
    <message>
        <source>Queue depth by state</source>
        <translation>各状态的队列深度</translation>
    </message>
    <message>
        <source>Cases at risk of expiring (estimate)</source>
        <translation>即将过期的案件（估计）</translation>
    </message>
    <message>
        <source>likely expired</source>
        <translation>可能已过期</translation>
    </message>
    <message>
        <source>under 6 h</source>
        <translation>6 小时内</translation>
    </message>
    <message>
        <source>6–12 h</source>
        <translation>6–12 小时</translation>
    </message>
    <message>
        <source>12–24 h</source>
        <translation>12–24 小时</translation>
    </message>
    <message>
        <source>open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>Decisions per reviewer per day</source>
        <translation>每位审核员每日决定数</translation>
    </message>
    <message>
        <source>Triage verdicts</source>
        <translation>初筛核验结果</translation>
    </message>
    <message>
        <source>Failure codes that fail most</source>
        <translation>最常见的失败代码</translation>
    </message>
    <message>
        <source>failed cases</source>
        <translation>失败案件</translation>
    </message>
    <message>
        <source>Confirmations: none (the four-eyes rule is off)</source>
        <translation>确认：无（四眼原则未启用）</translation>
    </message>
    <message>
        <source>Confirmations: none yet</source>
        <translation>确认：尚无</translation>
    </message>
    <message>
        <source>Overturn rate {rate} ({overturned} of {total})</source>
        <translation>推翻率 {rate}（{total} 次中 {overturned} 次）</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>overturned</source>
        <translation>推翻</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Internal error.</source>
        <translation>内部错误。</translation>
    </message>
    <message>
        <source>Every profile</source>
        <translation>所有配置档案</translation>
    </message>
    <message>
        <source>No case was decided in this range.</source>
        <translation>此范围内没有已决定的案件。</translation>
    </message>
    <message>
        <source>Median time from queued to decided: {time} ({count} cases)</source>
        <translation>从排队到决定的中位时间：{time}（{count} 个案件）</translation>
    </message>
    <message>
        <source>Export the chart&apos;s numbers</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>起始(&amp;M)</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>截止(&amp;O)</translation>
    </message>
    <message>
        <source>Profi&amp;le</source>
        <translation>配置档案(&amp;L)</translation>
    </message>
    <message>
        <source>First day of the range</source>
        <translation>范围的第一天</translation>
    </message>
    <message>
        <source>Last day of the range</source>
        <translation>范围的最后一天</translation>
    </message>
    <message>
        <source>Profile shown</source>
        <translation>显示的配置档案</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export the numbers of {chart} as CSV</source>
        <translation>将 {chart} 的数据导出为 CSV</translation>
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
        <source>Reject reason</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>Reason in words</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
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
        <source>Recorded decisions</source>
        <translation>已记录的决定</translation>
    </message>
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
        <source>Reviewer: {name} (your team database login)</source>
        <translation>审核人：{name}（团队数据库登录名）</translation>
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
        <source>Record the decision (focus in the panel)</source>
        <translation>记录决定（焦点在决定面板时）</translation>
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
    <message>
        <source>Demo cases</source>
        <translation>演示案件</translation>
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
    <name>Errors</name>
    <message>
        <source>the host name could not be resolved (DNS)</source>
        <translation>无法解析主机名（DNS）</translation>
    </message>
    <message>
        <source>the connection was refused (nothing listens there)</source>
        <translation>连接被拒绝（该地址上没有服务在监听）</translation>
    </message>
    <message>
        <source>the connection was reset by the other side</source>
        <translation>连接被对方重置</translation>
    </message>
    <message>
        <source>the connection was aborted</source>
        <translation>连接被中止</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>服务器未作应答就关闭了连接</translation>
    </message>
    <message>
        <source>the server closed the connection mid-answer</source>
        <translation>服务器在应答中途关闭了连接</translation>
    </message>
    <message>
        <source>the network timed out</source>
        <translation>网络超时</translation>
    </message>
    <message>
        <source>the connection broke while the request was sent</source>
        <translation>发送请求时连接中断</translation>
    </message>
    <message>
        <source>no data arrived within the read timeout</source>
        <translation>在读取超时时间内没有收到数据</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>the TLS connection failed (certificate not trusted, or not the service): check the endpoint and the CA bundle setting</source>
        <translation>TLS 连接失败（证书不受信任，或对方不是该服务）：请检查接口地址和 CA 证书设置</translation>
    </message>
    <message>
        <source>the proxy could not be used: {reason}</source>
        <translation>无法使用代理：{reason}</translation>
    </message>
    <message>
        <source>no connection within {seconds} s</source>
        <translation>{seconds} 秒内未能建立连接</translation>
    </message>
    <message>
        <source>the service did not answer within {seconds} s</source>
        <translation>服务在 {seconds} 秒内没有应答</translation>
    </message>
    <message>
        <source>the request failed: {reason}</source>
        <translation>请求失败：{reason}</translation>
    </message>
    <message>
        <source>the compressed answer could not be decompressed</source>
        <translation>压缩的应答无法解压</translation>
    </message>
    <message>
        <source>the answer broke off after {received} bytes: {reason}</source>
        <translation>应答在收到 {received} 字节后中断：{reason}</translation>
    </message>
    <message>
        <source>the answer broke off after {received} bytes, {expected} more were announced: {reason}</source>
        <translation>应答在收到 {received} 字节后中断，还有 {expected} 字节未收到：{reason}</translation>
    </message>
    <message>
        <source>could not get an answer from {host} after 1 attempt: {reason}</source>
        <translation>尝试 1 次后仍未得到 {host} 的应答：{reason}</translation>
    </message>
    <message>
        <source>could not get an answer from {host} after {count} attempts: {reason}</source>
        <translation>尝试 {count} 次后仍未得到 {host} 的应答：{reason}</translation>
    </message>
    <message>
        <source>the service answered HTTP {status}: {excerpt}</source>
        <translation>服务返回 HTTP {status}：{excerpt}</translation>
    </message>
    <message>
        <source>the service answered HTTP {status}: {excerpt} (gave up after 1 attempt)</source>
        <translation>服务返回 HTTP {status}：{excerpt}（尝试 1 次后放弃）</translation>
    </message>
    <message>
        <source>the service answered HTTP {status}: {excerpt} (gave up after {count} attempts)</source>
        <translation>服务返回 HTTP {status}：{excerpt}（尝试 {count} 次后放弃）</translation>
    </message>
    <message>
        <source>the answer is larger than the configured limit of {limit} bytes</source>
        <translation>应答超过了设定的上限 {limit} 字节</translation>
    </message>
    <message>
        <source>{problem}; HTTP {status}</source>
        <translation>{problem}；HTTP {status}</translation>
    </message>
    <message>
        <source>{problem}; begins {excerpt}</source>
        <translation>{problem}；开头为 {excerpt}</translation>
    </message>
    <message>
        <source>{problem}; HTTP {status}; begins {excerpt}</source>
        <translation>{problem}；HTTP {status}；开头为 {excerpt}</translation>
    </message>
    <message>
        <source>the endpoint URL is empty</source>
        <translation>接口 URL 为空</translation>
    </message>
    <message>
        <source>the endpoint URL contains spaces or control characters</source>
        <translation>接口 URL 含有空格或控制字符</translation>
    </message>
    <message>
        <source>the endpoint URL is not usable: {reason}</source>
        <translation>接口 URL 无法使用：{reason}</translation>
    </message>
    <message>
        <source>the endpoint must be an https:// URL (got {scheme}://)</source>
        <translation>接口必须是 https:// URL（实际为 {scheme}://）</translation>
    </message>
    <message>
        <source>the endpoint must be an https:// URL (got no scheme)</source>
        <translation>接口必须是 https:// URL（实际没有协议部分）</translation>
    </message>
    <message>
        <source>the endpoint URL must not contain a user name or password (user:pass@host)</source>
        <translation>接口 URL 中不得包含用户名或密码（user:pass@host）</translation>
    </message>
    <message>
        <source>the endpoint URL has no host</source>
        <translation>接口 URL 中没有主机名</translation>
    </message>
    <message>
        <source>the endpoint URL must not contain a fragment (#...)</source>
        <translation>接口 URL 中不得包含片段（#...）</translation>
    </message>
    <message>
        <source>plain http:// is only allowed to a loopback host (127.0.0.1, ::1, localhost), not to {host}: use https://</source>
        <translation>明文 http:// 只允许连接本机环回地址（127.0.0.1、::1、localhost），不能连接 {host}：请使用 https://</translation>
    </message>
    <message>
        <source>{name} must be a positive number of seconds, not {value}</source>
        <translation>{name} 必须是正的秒数，而不是 {value}</translation>
    </message>
    <message>
        <source>retries must be a whole number from 0 to 20, not {value}</source>
        <translation>retries 必须是 0 到 20 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>backoff must be zero or more seconds, not {value}</source>
        <translation>backoff 必须是零或正的秒数，而不是 {value}</translation>
    </message>
    <message>
        <source>body_encoding must be &apos;json&apos; or &apos;form&apos;, not {value}</source>
        <translation>body_encoding 必须是 &apos;json&apos; 或 &apos;form&apos;，而不是 {value}</translation>
    </message>
    <message>
        <source>max_response_bytes must be a positive number of bytes</source>
        <translation>max_response_bytes 必须是正的字节数</translation>
    </message>
    <message>
        <source>signature_expire must be a positive number of seconds</source>
        <translation>signature_expire 必须是正的秒数</translation>
    </message>
    <message>
        <source>unknown service error code {code}</source>
        <translation>未知的服务错误码 {code}</translation>
    </message>
    <message>
        <source>service error {code} {name}: {meaning} (service said: {errormsg})</source>
        <translation>服务错误 {code} {name}：{meaning}（服务返回的信息：{errormsg}）</translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>应答为空</translation>
    </message>
    <message>
        <source>the answer is not the JSON object the protocol describes</source>
        <translation>应答不是协议规定的 JSON 对象</translation>
    </message>
    <message>
        <source>the answer stopped after {received} bytes, before its JSON object was complete: the connection was cut or the server gave up</source>
        <translation>应答在 {received} 字节处中止，JSON 对象尚未完整：连接被切断或服务器放弃了发送</translation>
    </message>
    <message>
        <source>the answer has no {field}</source>
        <translation>应答中没有 {field}</translation>
    </message>
    <message>
        <source>the answer has {field} 0 but no data</source>
        <translation>应答的 {field} 为 0，但没有 data</translation>
    </message>
    <message>
        <source>the answer goes on after its JSON object</source>
        <translation>应答在 JSON 对象之后还有多余内容</translation>
    </message>
    <message>
        <source>unexpected {char} in the answer&apos;s JSON</source>
        <translation>应答的 JSON 中出现了意外的 {char}</translation>
    </message>
    <message>
        <source>the answer has two data values</source>
        <translation>应答中有两个 data 值</translation>
    </message>
    <message>
        <source>the answer holds unreasonably many values besides data</source>
        <translation>应答中 data 以外的值多得不合理</translation>
    </message>
    <message>
        <source>a value in the answer is not valid JSON</source>
        <translation>应答中的某个值不是有效的 JSON</translation>
    </message>
    <message>
        <source>a key in the answer&apos;s JSON is not a string</source>
        <translation>应答 JSON 中的某个键不是字符串</translation>
    </message>
    <message>
        <source>the answer has two {field} values</source>
        <translation>应答中有两个 {field} 值</translation>
    </message>
    <message>
        <source>the answer&apos;s {field} is not a number: {value}</source>
        <translation>应答的 {field} 不是数字：{value}</translation>
    </message>
    <message>
        <source>the answer&apos;s {field} is implausibly large: {value}</source>
        <translation>应答的 {field} 大得不合常理：{value}</translation>
    </message>
    <message>
        <source>a value in the answer is unreasonably long</source>
        <translation>应答中的某个值长得不合理</translation>
    </message>
    <message>
        <source>a value in the answer is nested too deeply</source>
        <translation>应答中的某个值嵌套过深</translation>
    </message>
    <message>
        <source>the answer&apos;s data holds a broken Unicode escape</source>
        <translation>应答的 data 中有残缺的 Unicode 转义</translation>
    </message>
    <message>
        <source>the answer&apos;s data holds an invalid escape {escape}</source>
        <translation>应答的 data 中有无效的转义 {escape}</translation>
    </message>
    <message>
        <source>appid, secret key and apiName are all needed to sign</source>
        <translation>签名需要 appid、密钥和 apiName 三者齐全</translation>
    </message>
    <message>
        <source>the signature&apos;s validity (expire) must be a positive number</source>
        <translation>签名的有效期（expire）必须是正数</translation>
    </message>
    <message>
        <source>the signature is in URL-safe Base64 (&apos;-&apos; and &apos;_&apos;); the service takes standard Base64: put &apos;+&apos; for &apos;-&apos; and &apos;/&apos; for &apos;_&apos;</source>
        <translation>该签名是 URL 安全的 Base64（&apos;-&apos; 和 &apos;_&apos;）；服务只接受标准 Base64：请把 &apos;-&apos; 换成 &apos;+&apos;，把 &apos;_&apos; 换成 &apos;/&apos;</translation>
    </message>
    <message>
        <source>this is not a signature (a signature is Base64 of an HMAC-SHA1 and a=…&amp;m=…&amp;t=…&amp;e=…): it is not Base64 text</source>
        <translation>这不是签名（签名是 HMAC-SHA1 与 a=…&amp;m=…&amp;t=…&amp;e=… 的 Base64 编码）：它不是 Base64 文本</translation>
    </message>
    <message>
        <source>this is not a signature (a signature is Base64 of an HMAC-SHA1 and a=…&amp;m=…&amp;t=…&amp;e=…): too short to hold an HMAC and its text</source>
        <translation>这不是签名（签名是 HMAC-SHA1 与 a=…&amp;m=…&amp;t=…&amp;e=… 的 Base64 编码）：长度不足以容纳 HMAC 及其文本</translation>
    </message>
    <message>
        <source>this is not a signature (a signature is Base64 of an HMAC-SHA1 and a=…&amp;m=…&amp;t=…&amp;e=…): the text it holds is not UTF-8</source>
        <translation>这不是签名（签名是 HMAC-SHA1 与 a=…&amp;m=…&amp;t=…&amp;e=… 的 Base64 编码）：其中的文本不是 UTF-8</translation>
    </message>
    <message>
        <source>this is not a signature (a signature is Base64 of an HMAC-SHA1 and a=…&amp;m=…&amp;t=…&amp;e=…): the text it holds is not of the form a=…&amp;m=…&amp;t=…&amp;e=…</source>
        <translation>这不是签名（签名是 HMAC-SHA1 与 a=…&amp;m=…&amp;t=…&amp;e=… 的 Base64 编码）：其中的文本不是 a=…&amp;m=…&amp;t=…&amp;e=… 的格式</translation>
    </message>
    <message>
        <source>the signature does not verify against this secret key</source>
        <translation>该签名用此密钥验证不通过</translation>
    </message>
    <message>
        <source>the CA bundle {path} does not exist</source>
        <translation>CA 证书 {path} 不存在</translation>
    </message>
    <message>
        <source>the token is empty</source>
        <translation>Token 为空</translation>
    </message>
    <message>
        <source>{field} must be 0 (with media) or 1 (text only), not {value}</source>
        <translation>{field} 必须是 0（含媒体）或 1（仅文本），而不是 {value}</translation>
    </message>
    <message>
        <source>unknown verification provider {name} (known: {known})</source>
        <translation>未知的核验服务提供方 {name}（已知：{known}）</translation>
    </message>
    <message>
        <source>the AES result key must be {bytes} bytes (32 characters); the one configured has {length}</source>
        <translation>AES 结果密钥必须是 {bytes} 字节（32 个字符）；当前配置的有 {length} 个</translation>
    </message>
    <message>
        <source>the encrypted data is not valid standard Base64 (it holds characters outside A–Z, a–z, 0–9, &apos;+&apos;, &apos;/&apos; or misplaced &apos;=&apos;): the answer was corrupted</source>
        <translation>加密数据不是有效的标准 Base64（含有 A–Z、a–z、0–9、&apos;+&apos;、&apos;/&apos; 以外的字符，或 &apos;=&apos; 位置不对）：应答已损坏</translation>
    </message>
    <message>
        <source>the encrypted data continues after its Base64 end marker &apos;=&apos;: it was corrupted</source>
        <translation>加密数据在 Base64 结束标记 &apos;=&apos; 之后仍有内容：数据已损坏</translation>
    </message>
    <message>
        <source>the encrypted data&apos;s Base64 text is cut short</source>
        <translation>加密数据的 Base64 文本不完整</translation>
    </message>
    <message>
        <source>the encrypted data is not a whole number of AES blocks: it was cut short or corrupted on the way</source>
        <translation>加密数据不是整数个 AES 分组：在传输中被截短或损坏</translation>
    </message>
    <message>
        <source>decryption gave noise: the RSA public key does not match this data (check the profile&apos;s public key and crypt type)</source>
        <translation>解密结果是乱码：RSA 公钥与这份数据不匹配（请检查配置档案的公钥和加密类型）</translation>
    </message>
    <message>
        <source>decryption gave noise: the AES result key does not match this data (check the profile&apos;s AES key)</source>
        <translation>解密得到的是乱码：AES 结果密钥与这份数据不匹配（请检查配置档案中的 AES 密钥）</translation>
    </message>
    <message>
        <source>the data decrypts but its end is damaged (bad PKCS#7 padding): the answer was altered or cut in transit</source>
        <translation>数据能够解密，但末尾已损坏（PKCS#7 填充错误）：应答在传输中被改动或截断</translation>
    </message>
    <message>
        <source>Base64 text continues after its end marker &apos;=&apos;</source>
        <translation>Base64 文本在结束标记 &apos;=&apos; 之后仍有内容</translation>
    </message>
    <message>
        <source>Base64 text is cut short (its length is not a multiple of 4)</source>
        <translation>Base64 文本不完整（长度不是 4 的倍数）</translation>
    </message>
    <message>
        <source>the value is not valid standard Base64</source>
        <translation>该值不是有效的标准 Base64</translation>
    </message>
    <message>
        <source>the decrypted data is not text: the AES result key is probably wrong (check the profile&apos;s AES key)</source>
        <translation>解密后的数据不是文本：AES 结果密钥很可能不对（请检查配置档案中的 AES 密钥）</translation>
    </message>
    <message>
        <source>the decrypted data is not a JSON object</source>
        <translation>解密后的数据不是 JSON 对象</translation>
    </message>
    <message>
        <source>the decrypted data is JSON but not an object (it is {kind})</source>
        <translation>解密后的数据是 JSON，但不是对象（而是{kind}）</translation>
    </message>
    <message>
        <source>the decrypted data holds a malformed string</source>
        <translation>解密后的数据中有格式错误的字符串</translation>
    </message>
    <message>
        <source>the decrypted data is not valid JSON</source>
        <translation>解密后的数据不是有效的 JSON</translation>
    </message>
    <message>
        <source>the decrypted data is not valid JSON ({reason}, line {line}, column {column})</source>
        <translation>解密后的数据不是有效的 JSON（{reason}，第 {line} 行第 {column} 列）</translation>
    </message>
    <message>
        <source>the decrypted data is not valid UTF-8 text</source>
        <translation>解密后的数据不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>the decrypted data is not a well-formed JSON object</source>
        <translation>解密后的数据不是格式正确的 JSON 对象</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>missing credentials: {names}</source>
        <translation>缺少凭据：{names}</translation>
    </message>
    <message>
        <source>missing credentials: {names}. {hint}</source>
        <translation>缺少凭据：{names}。{hint}</translation>
    </message>
    <message>
        <source>set {variables}, or add a profile (iauth-desktop profile add NAME)</source>
        <translation>请设置 {variables}，或添加一个配置档案（`iauth-desktop profile add NAME`）</translation>
    </message>
    <message>
        <source>set {variables}: {variable} names another appid than profile {profile}, so that profile&apos;s stored secrets are not used</source>
        <translation>请设置 {variables}：{variable} 指定的 appid 与配置档案 {profile} 的不同，因此不会使用该配置档案保存的密钥</translation>
    </message>
    <message>
        <source>set {variables}, or store the secrets of profile {profile} in the keyring</source>
        <translation>请设置 {variables}，或把配置档案 {profile} 的密钥存入密钥环</translation>
    </message>
    <message>
        <source>set {variables}, or store the secrets of profile {profile} in the keyring (the keyring is not used in this mode)</source>
        <translation>请设置 {variables}，或把配置档案 {profile} 的密钥存入密钥环（此模式下不使用密钥环）</translation>
    </message>
    <message>
        <source>set {variables}, or store the secrets of profile {profile} in the keyring ({reason})</source>
        <translation>请设置 {variables}，或把配置档案 {profile} 的密钥存入密钥环（{reason}）</translation>
    </message>
    <message>
        <source>secret key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>aes key</source>
        <translation>AES 密钥</translation>
    </message>
    <message>
        <source>unknown secret kind {kind} (expected one of {kinds})</source>
        <translation>未知的密钥类型 {kind}（应为以下之一：{kinds}）</translation>
    </message>
    <message>
        <source>the {kind} is empty</source>
        <translation>{kind}为空</translation>
    </message>
    <message>
        <source>secrets were not stored: {reason}</source>
        <translation>密钥未保存：{reason}</translation>
    </message>
    <message>
        <source>{backend} refused to store the {kind} of profile {profile}: {reason}</source>
        <translation>{backend} 拒绝保存配置档案 {profile} 的{kind}：{reason}</translation>
    </message>
    <message>
        <source>{backend} refused to delete the secrets of profile {profile}: {reason}</source>
        <translation>{backend} 拒绝删除配置档案 {profile} 的密钥：{reason}</translation>
    </message>
    <message>
        <source>a profile name has 1 to {most} characters</source>
        <translation>配置档案名称须为 1 到 {most} 个字符</translation>
    </message>
    <message>
        <source>profile name {name} contains {char}: use letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;</source>
        <translation>配置档案名称 {name} 含有 {char}：请只用字母、数字、&apos;-&apos;、&apos;_&apos;、&apos;.&apos;</translation>
    </message>
    <message>
        <source>profile name {name} must start with a letter or digit</source>
        <translation>配置档案名称 {name} 必须以字母或数字开头</translation>
    </message>
    <message>
        <source>an appid has 1 to {most} characters</source>
        <translation>appid 须为 1 到 {most} 个字符</translation>
    </message>
    <message>
        <source>an appid must not contain spaces or control characters</source>
        <translation>appid 中不得含有空格或控制字符</translation>
    </message>
    <message>
        <source>no profile named {name} (known profiles: {known})</source>
        <translation>没有名为 {name} 的配置档案（现有配置档案：{known}）</translation>
    </message>
    <message>
        <source>a profile named {name} already exists</source>
        <translation>名为 {name} 的配置档案已存在</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {line})</source>
        <translation>{path} 不是有效的 JSON（第 {line} 行）</translation>
    </message>
    <message>
        <source>{path} is not a profiles file of format {version}</source>
        <translation>{path} 不是格式版本 {version} 的配置档案文件</translation>
    </message>
    <message>
        <source>{path}: profile {name}: {reason}</source>
        <translation>{path}：配置档案 {name}：{reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>{event} is not an audit event name</source>
        <translation>{event} 不是审计事件名称</translation>
    </message>
    <message>
        <source>the audit log {path} is damaged: {problem}. Nothing more is written to it until it is looked at: run `iauth-desktop audit verify`</source>
        <translation>审计日志 {path} 已损坏：{problem}。在核查之前不会再向其写入任何内容：请运行 `iauth-desktop audit verify`</translation>
    </message>
    <message>
        <source>cannot open the audit log {path}: {reason}</source>
        <translation>无法打开审计日志 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot read the audit log {path}: {reason}</source>
        <translation>无法读取审计日志 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot write the audit log: {reason}</source>
        <translation>无法写入审计日志：{reason}</translation>
    </message>
    <message>
        <source>an audit head is SEQ:SHA256 (64 hex digits), not {text}</source>
        <translation>审计日志头的格式为 SEQ:SHA256（64 位十六进制），而不是 {text}</translation>
    </message>
    <message>
        <source>cannot read the audit head anchor {path}: {reason}</source>
        <translation>无法读取审计日志头锚点 {path}：{reason}</translation>
    </message>
    <message>
        <source>the audit head anchor {path} is not a valid anchor: it was changed or damaged (run `iauth-desktop audit verify`)</source>
        <translation>审计日志头锚点 {path} 不是有效的锚点：已被改动或损坏（请运行 `iauth-desktop audit verify`）</translation>
    </message>
    <message>
        <source>cannot update the audit head anchor {path}: {reason}</source>
        <translation>无法更新审计日志头锚点 {path}：{reason}</translation>
    </message>
    <message>
        <source>audit log fails verification: {problem}</source>
        <translation>审计日志验证不通过：{problem}</translation>
    </message>
    <message>
        <source>audit log {path} fails verification: {problem}</source>
        <translation>审计日志 {path} 验证不通过：{problem}</translation>
    </message>
    <message>
        <source>entry {seq} was changed (line {line} is not a valid entry)</source>
        <translation>第 {seq} 条记录已被改动（第 {line} 行不是有效的记录）</translation>
    </message>
    <message>
        <source>entry {seq} was changed (line {line})</source>
        <translation>第 {seq} 条记录已被改动（第 {line} 行）</translation>
    </message>
    <message>
        <source>the torn line recorded by entry {seq} is missing (before line {line})</source>
        <translation>第 {seq} 条记录所记载的残缺行不见了（在第 {line} 行之前）</translation>
    </message>
    <message>
        <source>entry {seq} appears twice (again at line {line})</source>
        <translation>第 {seq} 条记录出现了两次（第 {line} 行再次出现）</translation>
    </message>
    <message>
        <source>entries out of order at line {line}</source>
        <translation>第 {line} 行处记录顺序错乱</translation>
    </message>
    <message>
        <source>entry {seq} is missing ({jump})</source>
        <translation>缺少第 {seq} 条记录（{jump}）</translation>
    </message>
    <message>
        <source>entries {first} to {last} are missing ({jump})</source>
        <translation>缺少第 {first} 到第 {last} 条记录（{jump}）</translation>
    </message>
    <message>
        <source>seq jumps from {last} to {seq}</source>
        <translation>序号从 {last} 跳到 {seq}</translation>
    </message>
    <message>
        <source>the log starts at seq {seq}</source>
        <translation>日志从序号 {seq} 开始</translation>
    </message>
    <message>
        <source>the log holds entries up to seq {seq} but its head anchor {name} is missing, so entries cut off the end could not be noticed. If this log predates the anchor, check it against a head recorded elsewhere (`audit verify --expect-head SEQ:SHA256`), then record the anchor with `iauth-desktop audit anchor`</source>
        <translation>日志中有序号 {seq} 及以前的记录，但其日志头锚点 {name} 不见了，因此无法发现末尾被截掉的记录。如果这份日志早于锚点功能，请用别处记录的日志头核对（`audit verify --expect-head SEQ:SHA256`），然后用 `iauth-desktop audit anchor` 记录锚点</translation>
    </message>
    <message>
        <source>entry {want} cut off the end: the log ends at seq {head} but its head anchor {name} records seq {want}</source>
        <translation>末尾的第 {want} 条记录被截掉：日志止于序号 {head}，但日志头锚点 {name} 记录的是序号 {want}</translation>
    </message>
    <message>
        <source>entries {first} to {want} cut off the end: the log ends at seq {head} but its head anchor {name} records seq {want}</source>
        <translation>末尾的第 {first} 到第 {want} 条记录被截掉：日志止于序号 {head}，但日志头锚点 {name} 记录的是序号 {want}</translation>
    </message>
    <message>
        <source>entry {seq} was changed (it differs from the head anchor {name})</source>
        <translation>第 {seq} 条记录已被改动（与日志头锚点 {name} 不符）</translation>
    </message>
    <message>
        <source>the log goes on to seq {head} but its head anchor {name} records seq {want}: entries after {want} were written without updating the anchor (a crash just after writing, or something other than iauth-desktop wrote them). Look at them (`iauth-desktop audit show`), then record the anchor with `iauth-desktop audit anchor`</source>
        <translation>日志已到序号 {head}，但日志头锚点 {name} 记录的是序号 {want}：序号 {want} 之后的记录写入时没有更新锚点（写入后随即崩溃，或者是 iauth-desktop 以外的程序写的）。请先查看这些记录（`iauth-desktop audit show`），再用 `iauth-desktop audit anchor` 记录锚点</translation>
    </message>
    <message>
        <source>log ends at seq {head} but the history recorded head seq {want}</source>
        <translation>日志止于序号 {head}，但案件历史记录的日志头序号是 {want}</translation>
    </message>
    <message>
        <source>entry {seq} was changed (it differs from the recorded head)</source>
        <translation>第 {seq} 条记录已被改动（与记录的日志头不符）</translation>
    </message>
    <message>
        <source>refused to audit {where}: it is not valid Unicode text</source>
        <translation>拒绝写入审计日志 {where}：它不是有效的 Unicode 文本</translation>
    </message>
    <message>
        <source>refused to audit {where}: it looks like a resident ID number</source>
        <translation>拒绝写入审计日志 {where}：它看起来像居民身份证号码</translation>
    </message>
    <message>
        <source>refused to audit {where}: it looks like a mobile number</source>
        <translation>拒绝写入审计日志 {where}：它看起来像手机号码</translation>
    </message>
    <message>
        <source>refused to audit {where}: keys must be text</source>
        <translation>拒绝写入审计日志 {where}：键必须是文本</translation>
    </message>
    <message>
        <source>refused to audit {where}.{key}: secrets never go into the log</source>
        <translation>拒绝写入审计日志 {where}.{key}：密钥绝不写入日志</translation>
    </message>
    <message>
        <source>refused to audit {where}: not a finite number</source>
        <translation>拒绝写入审计日志 {where}：不是有限的数值</translation>
    </message>
    <message>
        <source>refused to audit {where}: {kind} is not plain JSON data</source>
        <translation>拒绝写入审计日志 {where}：{kind} 不是普通 JSON 数据</translation>
    </message>
    <message>
        <source>cannot write the evidence bundle in {folder}: {reason}</source>
        <translation>无法在 {folder} 中写入证据包：{reason}</translation>
    </message>
    <message>
        <source>writing the evidence bundle to {path} failed: {reason}</source>
        <translation>写入证据包 {path} 失败：{reason}</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist: create it first</source>
        <translation>文件夹 {folder} 不存在：请先创建</translation>
    </message>
    <message>
        <source>the folder {folder} is not writable</source>
        <translation>文件夹 {folder} 不可写</translation>
    </message>
    <message>
        <source>the output folder {path} already exists and is not empty (choose another folder, or replace it with --force)</source>
        <translation>输出文件夹 {path} 已存在且不为空（请另选文件夹，或用 --force 替换）</translation>
    </message>
    <message>
        <source>the evidence bundle was made by provider {provider}, which this version does not know</source>
        <translation>该证据包由提供方 {provider} 生成，此版本不认识该提供方</translation>
    </message>
    <message>
        <source>the evidence bundle&apos;s {file} is missing or damaged</source>
        <translation>证据包中的 {file} 缺失或已损坏</translation>
    </message>
    <message>
        <source>the evidence bundle {path} does not match its manifest ({check})</source>
        <translation>证据包 {path} 与其清单不符（{check}）</translation>
    </message>
    <message>
        <source>changed: {names}</source>
        <translation>被改动：{names}</translation>
    </message>
    <message>
        <source>missing: {names}</source>
        <translation>缺失：{names}</translation>
    </message>
    <message>
        <source>unexpected: {names}</source>
        <translation>多出：{names}</translation>
    </message>
    <message>
        <source>every file matches the manifest</source>
        <translation>所有文件都与清单一致</translation>
    </message>
    <message>
        <source>{path} changed while it was being read</source>
        <translation>{path} 在读取期间被改动</translation>
    </message>
    <message>
        <source>{path} has no {file}: it is not an evidence bundle</source>
        <translation>{path} 中没有 {file}：它不是证据包</translation>
    </message>
    <message>
        <source>the evidence bundle&apos;s {file} is damaged</source>
        <translation>证据包中的 {file} 已损坏</translation>
    </message>
    <message>
        <source>the evidence bundle has format {format}; this version reads formats 1 to {version}</source>
        <translation>证据包的格式为 {format}；此版本只能读取格式 1 到 {version}</translation>
    </message>
    <message>
        <source>the evidence bundle&apos;s {file} lists files it cannot hold</source>
        <translation>证据包中的 {file} 列出了它不可能包含的文件</translation>
    </message>
    <message>
        <source>cannot export: the folder {folder} does not exist</source>
        <translation>无法导出：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot export the evidence bundle {bundle} into itself or over it: choose a place outside the bundle</source>
        <translation>不能把证据包 {bundle} 导出到它自身之中或覆盖它：请选择证据包以外的位置</translation>
    </message>
    <message>
        <source>{path} is a folder; give the zip file&apos;s name</source>
        <translation>{path} 是文件夹；请给出 zip 文件的名称</translation>
    </message>
    <message>
        <source>{path} already exists (choose another name, or replace it with --force)</source>
        <translation>{path} 已存在（请另取名称，或用 --force 替换）</translation>
    </message>
    <message>
        <source>cannot export to {folder}: {reason}</source>
        <translation>无法导出到 {folder}：{reason}</translation>
    </message>
    <message>
        <source>{path} appeared while the export was being made</source>
        <translation>导出期间出现了 {path}</translation>
    </message>
    <message>
        <source>an export needs the reviewer&apos;s name</source>
        <translation>导出需要审核人的姓名</translation>
    </message>
    <message>
        <source>exporting to {path} failed: {reason}</source>
        <translation>导出到 {path} 失败：{reason}</translation>
    </message>
    <message>
        <source>only a zip can be encrypted: give a target ending in .zip</source>
        <translation>只有 zip 文件可以加密：请给出以 .zip 结尾的目标</translation>
    </message>
    <message>
        <source>the export&apos;s password is empty</source>
        <translation>导出的密码为空</translation>
    </message>
    <message>
        <source>the export&apos;s password is not valid Unicode text</source>
        <translation>导出的密码不是有效的 Unicode 文本</translation>
    </message>
    <message>
        <source>{name} changed while the export was being written</source>
        <translation>{name} 在写入导出文件期间被改动</translation>
    </message>
    <message>
        <source>the zip written to {path} does not hold the export&apos;s files</source>
        <translation>写入 {path} 的 zip 文件没有包含导出的全部文件</translation>
    </message>
    <message>
        <source>{name} reads back differently from the zip</source>
        <translation>从 zip 文件读回的 {name} 与原文件不同</translation>
    </message>
    <message>
        <source>the zip written to {path} cannot be read back: {reason}</source>
        <translation>写入 {path} 的 zip 文件无法读回：{reason}</translation>
    </message>
    <message>
        <source>the evidence file {name} changed while it was being exported</source>
        <translation>证据文件 {name} 在导出期间被改动</translation>
    </message>
    <message>
        <source>the bundle&apos;s {file} changed while it was being exported</source>
        <translation>证据包的 {file} 在导出期间被改动</translation>
    </message>
    <message>
        <source>the report {path} is not a file</source>
        <translation>报告 {path} 不是文件</translation>
    </message>
    <message>
        <source>the report was written to {written}, not to {path}</source>
        <translation>报告被写到了 {written}，而不是 {path}</translation>
    </message>
    <message>
        <source>the report changed between being written and being exported</source>
        <translation>报告在写入之后、导出之前被改动</translation>
    </message>
    <message>
        <source>A decision needs the reviewer&apos;s name.</source>
        <translation>记录决定需要审核人的姓名。</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>拒绝需要给出原因。</translation>
    </message>
    <message>
        <source>The reason &quot;Other&quot; needs a few words saying what it is.</source>
        <translation>原因“其他”需要用几句话说明具体是什么。</translation>
    </message>
    <message>
        <source>Only a rejection takes a reason; put anything else in the notes.</source>
        <translation>只有拒绝才填写原因；其他内容请写在备注中。</translation>
    </message>
    <message>
        <source>This case&apos;s verdict is {verdict}: approving it needs a written justification of at least {least} characters.</source>
        <translation>此案件的结论是 {verdict}：批准它需要至少 {least} 个字符的书面理由。</translation>
    </message>
    <message>
        <source>A decision can only replace a recorded decision.</source>
        <translation>决定只能替换已记录的决定。</translation>
    </message>
    <message>
        <source>The {label} is too long (at most {most} characters).</source>
        <translation>{label}过长（最多 {most} 个字符）。</translation>
    </message>
    <message>
        <source>The {label} seems to hold a full ID or phone number; the case history keeps no identity numbers. Write only the last four digits.</source>
        <translation>{label}中似乎含有完整的身份证号或手机号；案件历史不保存身份号码。请只写最后四位。</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>justification</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Only a recorded decision can be replaced.</source>
        <translation>只有已记录的决定才能被替换。</translation>
    </message>
    <message>
        <source>Unknown decision {value}; choose one of {choices}.</source>
        <translation>未知的决定 {value}；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>Unknown reason {value}; choose one of {choices}.</source>
        <translation>未知的原因 {value}；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>Decision #{supersedes} is not a decision on this case; nothing can be replaced.</source>
        <translation>决定 #{supersedes} 不是此案件的决定；没有可替换的内容。</translation>
    </message>
    <message>
        <source>This case already has a decision (#{latest}); a change must say it replaces it.</source>
        <translation>此案件已有决定（#{latest}）；更改时必须注明替换该决定。</translation>
    </message>
    <message>
        <source>Decision #{supersedes} has already been replaced; the case&apos;s latest decision is #{latest}. Look at it before recording a change.</source>
        <translation>决定 #{supersedes} 已被替换；此案件最新的决定是 #{latest}。请先查看它，再记录更改。</translation>
    </message>
    <message>
        <source>A case needs its token to be recorded.</source>
        <translation>记录案件需要它的 Token。</translation>
    </message>
    <message>
        <source>A case needs the reviewer&apos;s name to be recorded.</source>
        <translation>记录案件需要审核人的姓名。</translation>
    </message>
    <message>
        <source>No case {token} in the history; record the case first.</source>
        <translation>案件历史中没有案件 {token}；请先记录该案件。</translation>
    </message>
    <message>
        <source>The export path seems to hold a full ID or phone number, which the case history never keeps; export under a name without it.</source>
        <translation>导出路径中似乎含有完整的身份证号或手机号，而案件历史从不保存这些号码；请换一个不含号码的名称导出。</translation>
    </message>
    <message>
        <source>The retention period cannot be negative.</source>
        <translation>保留期限不能为负数。</translation>
    </message>
    <message>
        <source>No case {token} in the history.</source>
        <translation>案件历史中没有案件 {token}。</translation>
    </message>
    <message>
        <source>The case history could not be read: {reason}</source>
        <translation>无法读取案件历史：{reason}</translation>
    </message>
    <message>
        <source>The case history could not be written: {reason}</source>
        <translation>无法写入案件历史：{reason}</translation>
    </message>
    <message>
        <source>The audit head must be a sequence number and a SHA-256 hex digest.</source>
        <translation>审计日志头必须是一个序号加一个 SHA-256 十六进制摘要。</translation>
    </message>
    <message>
        <source>The case history was written by a newer iauth-desktop (schema {version}; this version reads up to {supported}).</source>
        <translation>案件历史由较新版本的 iauth-desktop 写入（架构版本 {version}；此版本最高只能读取 {supported}）。</translation>
    </message>
    <message>
        <source>The file holds tables that are not a case history.</source>
        <translation>该文件中的表不是案件历史。</translation>
    </message>
    <message>
        <source>The case history {path} cannot be opened: {reason}</source>
        <translation>无法打开案件历史 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a usable case history: {reason}</source>
        <translation>{path} 不是可用的案件历史：{reason}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
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
        <source>Unpacking {name}…</source>
        <translation>正在解压 {name}…</translation>
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
    <message>
        <source>This token is past the 2-hour limit of its verification flow, so the service no longer answers for it; reopen the case from an export instead.</source>
        <translation>此 Token 已超过核验流程 2 小时的时限，服务不再为它作答；请改为从导出重新打开该案件。</translation>
    </message>
    <message>
        <source>The service no longer keeps this token&apos;s result (it is kept about 3 days); reopen the case from an export instead.</source>
        <translation>服务已不再保存此 Token 的结果（结果仅保留约 3 天）；请改为从导出重新打开该案件。</translation>
    </message>
</context>
<context>
    <name>FieldFinder</name>
    <message>
        <source>Find a field (Ctrl+F)</source>
        <translation>查找字段（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find a field</source>
        <translation>查找字段</translation>
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
        <source>none — action liveness</source>
        <translation>无 — 动作活体</translation>
    </message>
    <message>
        <source>The service did not send this field.</source>
        <translation>服务未返回此字段。</translation>
    </message>
    <message>
        <source>Masked. Use Reveal to show the full value (the reveal is recorded).</source>
        <translation>已脱敏。点击“显示”可查看完整值（显示操作会被记录）。</translation>
    </message>
    <message>
        <source>Shortened: {count} characters in all. Copy value (Ctrl+C) copies all of it.</source>
        <translation>已截断：共 {count} 个字符。“复制值”（Ctrl+C）会复制完整内容。</translation>
    </message>
</context>
<context>
    <name>FieldsTable</name>
    <message>
        <source>Identity fields</source>
        <translation>身份信息字段</translation>
    </message>
    <message>
        <source>Show the fields&apos; &amp;keys</source>
        <translation>显示字段键名(&amp;K)</translation>
    </message>
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
        <source>masked</source>
        <translation>已遮盖</translation>
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
        <source>&amp;Reconnect to the case record</source>
        <translation>重新连接案件记录(&amp;R)</translation>
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
    <message>
        <source>Go to the &amp;decision</source>
        <translation>转到审核决定(&amp;D)</translation>
    </message>
    <message>
        <source>Go to the &amp;ID card</source>
        <translation>转到身份证(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Play or pause the video</source>
        <translation>播放或暂停视频(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cancel the fetch</source>
        <translation>取消获取</translation>
    </message>
    <message>
        <source>iauth-desktop {version} — verification review</source>
        <translation>iauth-desktop {version} — 核验复核</translation>
    </message>
    <message>
        <source>Demo cases</source>
        <translation>演示案件</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
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
    <name>QueueLabels</name>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>已初筛</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>已领取</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Fetch failed</source>
        <translation>拉取失败</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>gone (the service said so)</source>
        <translation>已失效（服务已告知）</translation>
    </message>
    <message>
        <source>likely expired (estimate)</source>
        <translation>可能已过期（估计）</translation>
    </message>
    <message>
        <source>under 24 h: ~{left} left</source>
        <translation>不足 24 小时：约剩 {left}</translation>
    </message>
    <message>
        <source>~{left}</source>
        <translation>约 {left}</translation>
    </message>
    <message>
        <source>An estimate: the service keeps a result about 72 h after the verification (created_at from the import).</source>
        <translation>估计值：服务在核验后约保留结果 72 小时（created_at 来自导入）。</translation>
    </message>
    <message>
        <source>An estimate: 72 h from when the token was queued (the import gave no created_at); the token may expire sooner.</source>
        <translation>估计值：从Token排队起 72 小时（导入未提供 created_at）；Token可能更早过期。</translation>
    </message>
    <message>
        <source>{age} ago</source>
        <translation>{age}前</translation>
    </message>
</context>
<context>
    <name>QueueMenu</name>
    <message>
        <source>&amp;Queue</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Next case</source>
        <translation>下一个案件(&amp;N)</translation>
    </message>
    <message>
        <source>Next &amp;confirmation</source>
        <translation>下一个待确认(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Add tokens…</source>
        <translation>添加Token(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Give back the claimed case</source>
        <translation>退回已领取的案件(&amp;G)</translation>
    </message>
    <message>
        <source>Show the &amp;case</source>
        <translation>显示案件(&amp;C)</translation>
    </message>
    <message>
        <source>Show the &amp;queue</source>
        <translation>显示队列(&amp;Q)</translation>
    </message>
    <message>
        <source>Show the &amp;dashboard</source>
        <translation>显示看板(&amp;D)</translation>
    </message>
</context>
<context>
    <name>QueueOrigin</name>
    <message>
        <source>{token} was queued for the profile {profile}, which this console does not have: add it in Settings.</source>
        <translation>{token} 排队时使用的配置档案 {profile} 在本控制台中不存在：请在设置中添加。</translation>
    </message>
</context>
<context>
    <name>QueueRecorder</name>
    <message>
        <source>this case is no longer claimed by you: nothing was recorded.</source>
        <translation>此案件已不再由您领取：未记录任何内容。</translation>
    </message>
    <message>
        <source>the audit log cannot be written, so no decision can be recorded: {reason}</source>
        <translation>无法写入审计日志，因此不能记录决定：{reason}</translation>
    </message>
    <message>
        <source>an overturn approves or rejects the case.</source>
        <translation>推翻须批准或拒绝该案件。</translation>
    </message>
    <message>
        <source>your claim on {token} was lost (its lease ran out): the case went back to the queue and nothing was recorded. Claim it again with Next case.</source>
        <translation>您对 {token} 的领取已失效（租约到期）：案件已回到队列，未记录任何内容。请用“下一个案件”重新领取。</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left (estimate)</source>
        <translation>剩余时间（估计）</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <source>Name (masked)</source>
        <translation>姓名（已遮蔽）</translation>
    </message>
    <message>
        <source>Profile · provider</source>
        <translation>配置档案 · 服务商</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>not triaged</source>
        <translation>未初筛</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>expiring within 24 h (estimate): {count}</source>
        <translation>24 小时内过期（估计）：{count}</translation>
    </message>
    <message>
        <source>your confirmation inbox: {count}</source>
        <translation>您的待确认：{count}</translation>
    </message>
    <message>
        <source>Four-eyes rule on: rejects, approvals against a failed verdict and escalations need a second reviewer.</source>
        <translation>四眼原则已启用：拒绝、对失败结论的批准以及上报都需要第二位审核员。</translation>
    </message>
    <message>
        <source>Four-eyes rule off: this workstation&apos;s own queue has one reviewer.</source>
        <translation>四眼原则未启用：本工作站的队列只有一位审核员。</translation>
    </message>
    <message>
        <source>St&amp;op triage</source>
        <translation>停止初筛(&amp;O)</translation>
    </message>
    <message>
        <source>T&amp;riage pending</source>
        <translation>初筛待处理(&amp;R)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>My confirmation inbox</source>
        <translation>我的待确认</translation>
    </message>
    <message>
        <source>Show cases in state</source>
        <translation>按状态显示案件</translation>
    </message>
    <message>
        <source>Filter: token, name, profile, reviewer…</source>
        <translation>筛选：Token、姓名、配置档案、审核员…</translation>
    </message>
    <message>
        <source>Filter the queue</source>
        <translation>筛选队列</translation>
    </message>
    <message>
        <source>Queued cases</source>
        <translation>排队的案件</translation>
    </message>
    <message>
        <source>&amp;Add tokens…</source>
        <translation>添加Token(&amp;A)…</translation>
    </message>
    <message>
        <source>Add tokens to the queue</source>
        <translation>向队列添加Token</translation>
    </message>
    <message>
        <source>&amp;Next case (Ctrl+N)</source>
        <translation>下一个案件(&amp;N) (Ctrl+N)</translation>
    </message>
    <message>
        <source>Claim and open the next case</source>
        <translation>领取并打开下一个案件</translation>
    </message>
    <message>
        <source>Next &amp;confirmation (Ctrl+Shift+N)</source>
        <translation>下一个待确认(&amp;C) (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Claim the next decision awaiting your confirmation</source>
        <translation>领取下一个等待您确认的决定</translation>
    </message>
    <message>
        <source>Triage progress</source>
        <translation>初筛进度</translation>
    </message>
    <message>
        <source>triaged %v of %m</source>
        <translation>已初筛 %v / %m</translation>
    </message>
</context>
<context>
    <name>QueueWorkflow</name>
    <message>
        <source>The queue needs the case record, which is not available.</source>
        <translation>队列需要案件记录，但目前不可用。</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Queueing {count} tokens…</source>
        <translation>正在排队 {count} 个Token…</translation>
    </message>
    <message>
        <source>Added {added}, already queued {already}; triage runs in the background.</source>
        <translation>已添加 {added} 个，{already} 个已在队列中；初筛在后台进行。</translation>
    </message>
    <message>
        <source>Triage stopped; the cases not fetched stay pending.</source>
        <translation>初筛已停止；未拉取的案件仍为待处理。</translation>
    </message>
    <message>
        <source>Triage done: {triaged} triaged, {expired} expired, {failed} failed, {retrying} to retry.</source>
        <translation>初筛完成：已初筛 {triaged} 个，过期 {expired} 个，失败 {failed} 个，待重试 {retrying} 个。</translation>
    </message>
    <message>
        <source>Claiming the next case…</source>
        <translation>正在领取下一个案件…</translation>
    </message>
    <message>
        <source>Claiming the next decision to confirm…</source>
        <translation>正在领取下一个待确认的决定…</translation>
    </message>
    <message>
        <source>Nothing awaits your confirmation.</source>
        <translation>没有等待您确认的决定。</translation>
    </message>
    <message>
        <source>Nothing to claim: every triaged case is taken or decided.</source>
        <translation>没有可领取的案件：所有已初筛的案件都已被领取或已决定。</translation>
    </message>
    <message>
        <source>Not confirmed: {reason}</source>
        <translation>未确认：{reason}</translation>
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
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Every step of the review loop has a key:</source>
        <translation>审核流程的每一步都有对应按键：</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
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
        <source>To&amp;ken:</source>
        <translation>Token(&amp;K)：</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置档案</translation>
    </message>
    <message>
        <source>What to fetch</source>
        <translation>获取内容</translation>
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
        <source>; </source>
        <comment>between evidence problems</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>⚠ Evidence incomplete — approving needs a written justification: %1</source>
        <translation>⚠ 证据不完整——批准需要书面理由：%1</translation>
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
    <message>
        <source>per the engine&apos;s documentation</source>
        <translation>据引擎文档</translation>
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
    <message>
        <source>Video: play or pause (focus in the video)</source>
        <translation>视频：播放或暂停（焦点在视频时）</translation>
    </message>
    <message>
        <source>Video: one frame back (focus in the video)</source>
        <translation>视频：后退一帧（焦点在视频时）</translation>
    </message>
    <message>
        <source>Video: one frame on (focus in the video)</source>
        <translation>视频：前进一帧（焦点在视频时）</translation>
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
    <message>
        <source>&amp;Team database</source>
        <translation>团队数据库(&amp;T)</translation>
    </message>
    <message>
        <source>none: this computer keeps its own case history</source>
        <translation>无：本机保存自己的案件历史</translation>
    </message>
    <message>
        <source>A PostgreSQL URL without a password (postgresql://you@host/iauth, with sslmode=verify-full for another machine) shares one case record and audit trail with the team; IAUTH_DATABASE_URL takes precedence. Takes effect at the next start.</source>
        <translation>不含密码的 PostgreSQL 地址（postgresql://you@host/iauth，连接其他机器时加 sslmode=verify-full），与团队共用一份案件记录和审计链；IAUTH_DATABASE_URL 优先。下次启动时生效。</translation>
    </message>
</context>
</TS>
